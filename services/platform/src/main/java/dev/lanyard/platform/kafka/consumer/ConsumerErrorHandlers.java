package dev.lanyard.platform.kafka.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.kafka.Topics;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumers' error handling: only failures a retry can cure are retried, with
 * back-off and without end ({@link RegistryUnavailableException} always, plus what the
 * service names); everything else, unreadable records first, is dead-lettered to
 * {@link Topics#DEAD_LETTER} at once (raw bytes, reason in
 * {@link DeadLetterReasons#HEADER}) or skipped, so a partition never stalls on a bad
 * record.
 */
public final class ConsumerErrorHandlers {

	/** A database that cannot be reached or is busy: retrying helps. */
	public static final List<Class<? extends Exception>> DATABASE_OUTAGES = List.of(TransientDataAccessException.class,
			RecoverableDataAccessException.class, DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class);

	private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandlers.class);

	private ConsumerErrorHandlers() {
	}

	/**
	 * Exponential back-off (doubling from {@code initial} up to {@code max} apart) that
	 * never gives up: a retryable failure is waited out, not dead-lettered.
	 */
	public static BackOff retryUntilOver(Duration initial, Duration max) {
		if (initial == null || initial.isNegative() || initial.isZero()) {
			throw new IllegalArgumentException("initial must be positive");
		}
		if (max == null || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("max cannot be shorter than initial");
		}
		ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
		backOff.setMaxInterval(max.toMillis());
		return backOff;
	}

	/**
	 * Retries {@code retryable} failures with {@code backOff}; dead-letters everything
	 * else at once through {@code deadLetters} (see
	 * {@link ConsumerSetUp#deadLetterTemplate}).
	 * @param quotable exception types whose messages may go into the reason header
	 */
	public static DefaultErrorHandler deadLettering(KafkaOperations<?, ?> deadLetters, BackOff backOff,
			Collection<Class<? extends Exception>> retryable, Set<Class<? extends Throwable>> quotable) {
		if (deadLetters == null) {
			throw new IllegalArgumentException("deadLetters cannot be null");
		}
		if (quotable == null) {
			throw new IllegalArgumentException("quotable cannot be null");
		}
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER, -1));
		publisher.setHeadersFunction((record, ex) -> new RecordHeaders().add(DeadLetterReasons.HEADER,
				DeadLetterReasons.reason(ex, quotable).getBytes(StandardCharsets.UTF_8)));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			publisher.accept(record, consumer, ex);
			log.warn("Dead-lettered {} to {}: {}", KafkaUtils.format(record), Topics.DEAD_LETTER,
					DeadLetterReasons.reason(ex, quotable));
		};
		return handler(recoverer, backOff, retryable);
	}

	/**
	 * Retries {@code retryable} failures with {@code backOff}; skips everything else with
	 * a warning. For a consumer whose group is not the one that dead-letters (every
	 * topic's unreadable records are dead-lettered by audit).
	 */
	public static DefaultErrorHandler skipping(BackOff backOff, Collection<Class<? extends Exception>> retryable) {
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> log.warn("Skipped {}: {}",
				KafkaUtils.format(record), DeadLetterReasons.reason(ex, Set.of()));
		return handler(recoverer, backOff, retryable);
	}

	private static DefaultErrorHandler handler(ConsumerAwareRecordRecoverer recoverer, BackOff backOff,
			Collection<Class<? extends Exception>> retryable) {
		if (backOff == null) {
			throw new IllegalArgumentException("backOff cannot be null");
		}
		if (retryable == null) {
			throw new IllegalArgumentException("retryable cannot be null");
		}
		List<Class<? extends Exception>> retried = new ArrayList<>(retryable);
		retried.add(RegistryUnavailableException.class);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.defaultFalse();
		handler.addRetryableExceptions(retried.toArray(Class[]::new));
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

}
