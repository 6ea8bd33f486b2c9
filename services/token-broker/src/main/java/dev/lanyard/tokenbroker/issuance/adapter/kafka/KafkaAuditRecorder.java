package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;

import dev.lanyard.platform.kafka.SendFailures;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Records one kind of audit record as events on its topic, keyed by the record's subject,
 * and waits for Kafka's acknowledgement ({@code acks=all}, see
 * {@link dev.lanyard.platform.kafka.AwaitedProducerSettings}) for at most the ack
 * timeout, counted from the call (so a {@code send()} blocked on metadata counts too).
 * Serves the issuance trail (a token whose TokenIssued is not acknowledged is not handed
 * out), denials and revocations (their producer keeps delivering late).
 *
 * @param <T> the record
 * @param <E> its event
 */
public final class KafkaAuditRecorder<T, E extends SpecificRecord> {

	private final KafkaOperations<String, E> kafka;

	private final Topic<E> topic;

	private final Function<T, String> key;

	private final Function<T, E> toEvent;

	private final Duration ackTimeout;

	/**
	 * @param kafka the event's producer
	 * @param topic where the events go
	 * @param key a record's key (its subject's id)
	 * @param toEvent a record as its event
	 * @param ackTimeout how long {@link #record} waits for the acknowledgement
	 */
	public KafkaAuditRecorder(KafkaOperations<String, E> kafka, Topic<E> topic, Function<T, String> key,
			Function<T, E> toEvent, Duration ackTimeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (topic == null || key == null || toEvent == null) {
			throw new IllegalArgumentException("topic, key and toEvent cannot be null");
		}
		if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
			throw new IllegalArgumentException("ackTimeout must be positive");
		}
		this.kafka = kafka;
		this.topic = topic;
		this.key = key;
		this.toEvent = toEvent;
		this.ackTimeout = ackTimeout;
	}

	/**
	 * Publishes the record's event and returns once Kafka acknowledged it.
	 * @throws AuditTrailUnavailableException when it could not be sent or was not
	 * acknowledged within the ack timeout
	 */
	public void record(T record) throws AuditTrailUnavailableException {
		if (record == null) {
			throw new IllegalArgumentException("record cannot be null");
		}
		String what = this.topic.valueType().getSimpleName();
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		CompletableFuture<SendResult<String, E>> ack;
		try {
			ack = this.kafka.send(this.topic.name(), this.key.apply(record), this.toEvent.apply(record));
		}
		catch (RuntimeException ex) {
			// metadata not available within max.block.ms, serializer cannot reach the
			// registry, ...
			throw new AuditTrailUnavailableException(what + " could not be sent: " + SendFailures.describe(ex), ex);
		}
		try {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new AuditTrailUnavailableException(
					what + " not acknowledged within " + this.ackTimeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw new AuditTrailUnavailableException(
					what + " not acknowledged: " + SendFailures.describe(ex.getCause()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditTrailUnavailableException("Interrupted while waiting for the " + what + " acknowledgement",
					ex);
		}
	}

}
