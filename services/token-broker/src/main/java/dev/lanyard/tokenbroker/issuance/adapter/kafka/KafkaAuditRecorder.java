package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;

import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.producer.AwaitedSend;
import dev.lanyard.platform.kafka.producer.UnacknowledgedSendException;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Records one kind of audit record as events on its topic, keyed by the record's subject,
 * and waits for Kafka's acknowledgement for at most the ack timeout, counted from the
 * call ({@link AwaitedSend}). Serves the issuance trail (a token whose TokenIssued is not
 * acknowledged is not handed out), denials and revocations (their producer keeps
 * delivering late).
 *
 * @param <T> the record
 * @param <E> its event
 */
public final class KafkaAuditRecorder<T, E extends SpecificRecord> {

	private final AwaitedSend<E> send;

	private final Topic<E> topic;

	private final Function<T, String> key;

	private final Function<T, E> toEvent;

	/**
	 * @param kafka the event's producer
	 * @param topic where the events go
	 * @param key a record's key (its subject's id)
	 * @param toEvent a record as its event
	 * @param ackTimeout how long {@link #record} waits for the acknowledgement
	 */
	public KafkaAuditRecorder(KafkaOperations<String, E> kafka, Topic<E> topic, Function<T, String> key,
			Function<T, E> toEvent, Duration ackTimeout) {
		if (topic == null || key == null || toEvent == null) {
			throw new IllegalArgumentException("topic, key and toEvent cannot be null");
		}
		this.send = new AwaitedSend<>(kafka, ackTimeout);
		this.topic = topic;
		this.key = key;
		this.toEvent = toEvent;
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
		try {
			this.send.send(new AwaitedSend.Outgoing<>(this.topic.name(), this.key.apply(record),
					this.toEvent.apply(record), this.topic.valueType().getSimpleName()));
		}
		catch (UnacknowledgedSendException ex) {
			throw new AuditTrailUnavailableException(ex.getMessage(), ex.getCause());
		}
	}

}
