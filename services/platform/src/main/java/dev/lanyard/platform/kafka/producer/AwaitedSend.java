package dev.lanyard.platform.kafka.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lanyard.platform.kafka.SendFailures;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends records and waits for Kafka's acknowledgement ({@code acks=all}, see
 * {@link dev.lanyard.platform.kafka.AwaitedProducerSettings}) for at most the ack
 * timeout, counted from the call, so a {@code send()} blocked on metadata counts too.
 * Failures become {@link UnacknowledgedSendException}, which each service turns into its
 * own "unavailable" exception.
 *
 * @param <V> the value type
 */
public final class AwaitedSend<V> {

	private final KafkaOperations<String, V> kafka;

	private final Duration ackTimeout;

	public AwaitedSend(KafkaOperations<String, V> kafka, Duration ackTimeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
			throw new IllegalArgumentException("ackTimeout must be positive");
		}
		this.kafka = kafka;
		this.ackTimeout = ackTimeout;
	}

	/** Sends one record and returns once Kafka acknowledged it. */
	public void send(Outgoing<? extends V> record) {
		sendAll(List.of(record));
	}

	/**
	 * Sends every record, then returns once Kafka acknowledged them all, within one ack
	 * timeout. Stops at the first record that cannot be sent.
	 */
	public void sendAll(List<? extends Outgoing<? extends V>> records) {
		// List.of(...).contains(null) throws, so look at each
		if (records == null || records.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("records cannot be null or hold null");
		}
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
		for (Outgoing<? extends V> record : records) {
			try {
				acks.add(this.kafka.send(record.topic(), record.key(), record.value()));
			}
			catch (RuntimeException ex) {
				// no metadata within max.block.ms, the serializer cannot reach the
				// registry, ...
				throw new UnacknowledgedSendException(
						record.description() + " could not be sent: " + SendFailures.describe(ex), ex);
			}
		}
		for (int i = 0; i < acks.size(); i++) {
			await(acks.get(i), records.get(i).description(), deadline);
		}
	}

	/**
	 * Sends one record without blocking the caller beyond {@code send()} itself: the
	 * result completes once Kafka acknowledged it, or exceptionally with
	 * {@link UnacknowledgedSendException} when it could not be sent or was not
	 * acknowledged within the ack timeout. For callers on an event loop.
	 */
	public CompletableFuture<Void> sendAsync(Outgoing<? extends V> record) {
		if (record == null) {
			throw new IllegalArgumentException("record cannot be null");
		}
		CompletableFuture<?> ack;
		try {
			ack = this.kafka.send(record.topic(), record.key(), record.value());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new UnacknowledgedSendException(
					record.description() + " could not be sent: " + SendFailures.describe(ex), ex));
		}
		CompletableFuture<Void> result = new CompletableFuture<>();
		ack.orTimeout(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((sent, failure) -> {
			if (failure == null) {
				result.complete(null);
				return;
			}
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			result.completeExceptionally((cause instanceof TimeoutException) ? new UnacknowledgedSendException(
					record.description() + " not acknowledged within " + this.ackTimeout.toMillis() + " ms", cause)
					: new UnacknowledgedSendException(
							record.description() + " not acknowledged: " + SendFailures.describe(cause), cause));
		});
		return result;
	}

	private void await(CompletableFuture<?> ack, String description, long deadline) {
		try {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new UnacknowledgedSendException(
					description + " not acknowledged within " + this.ackTimeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw new UnacknowledgedSendException(
					description + " not acknowledged: " + SendFailures.describe(ex.getCause()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnacknowledgedSendException(
					"Interrupted while waiting for the " + description + " acknowledgement", ex);
		}
	}

	/**
	 * A record to send.
	 *
	 * @param topic its topic
	 * @param key its key, the entity's id
	 * @param value its value
	 * @param description names it in failure messages, e.g.
	 * {@code UserChanged <eventId>}; never content
	 * @param <V> the value type
	 */
	public record Outgoing<V>(String topic, String key, V value, String description) {

		public Outgoing {
			if (topic == null || topic.isBlank()) {
				throw new IllegalArgumentException("topic cannot be blank");
			}
			if (value == null) {
				throw new IllegalArgumentException("value cannot be null");
			}
			if (description == null || description.isBlank()) {
				throw new IllegalArgumentException("description cannot be blank");
			}
		}

	}

}
