package dev.lanyard.provisioning.events.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lanyard.platform.kafka.SendFailures;
import dev.lanyard.provisioning.events.application.EventPublisher;
import dev.lanyard.provisioning.events.application.EventsUnavailableException;
import dev.lanyard.provisioning.events.domain.ProvisioningEvent;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends events to their topics, keyed by their entity, and waits for every
 * acknowledgement (the producer runs with {@code acks=all}, see
 * {@link dev.lanyard.platform.kafka.AwaitedProducerSettings}) for at most the ack
 * timeout, counted from the call.
 */
public final class KafkaEventPublisher implements EventPublisher {

	private final KafkaOperations<String, SpecificRecord> kafka;

	private final Duration ackTimeout;

	public KafkaEventPublisher(KafkaOperations<String, SpecificRecord> kafka, Duration ackTimeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
			throw new IllegalArgumentException("ackTimeout must be positive");
		}
		this.kafka = kafka;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void publish(List<? extends ProvisioningEvent> events) {
		if (events == null) {
			throw new IllegalArgumentException("events cannot be null");
		}
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
		for (ProvisioningEvent event : events) {
			try {
				acks.add(this.kafka.send(AvroEvents.topicOf(event).name(), event.key(), AvroEvents.toAvro(event)));
			}
			catch (RuntimeException ex) {
				// no metadata within max.block.ms, registry unreachable, ...
				throw new EventsUnavailableException(name(event) + " could not be sent: " + SendFailures.describe(ex),
						ex);
			}
		}
		for (int i = 0; i < acks.size(); i++) {
			await(acks.get(i), events.get(i), deadline);
		}
	}

	private void await(CompletableFuture<?> ack, ProvisioningEvent event, long deadline) {
		try {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new EventsUnavailableException(
					name(event) + " not acknowledged within " + this.ackTimeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw new EventsUnavailableException(
					name(event) + " not acknowledged: " + SendFailures.describe(ex.getCause()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventsUnavailableException("Interrupted while waiting for " + name(event), ex);
		}
	}

	private static String name(ProvisioningEvent event) {
		return event.getClass().getSimpleName() + " " + event.eventId();
	}

}
