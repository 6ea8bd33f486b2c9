package dev.lanyard.provisioning.directory.adapter.kafka;

import java.time.Duration;
import java.util.List;

import dev.lanyard.platform.kafka.producer.AwaitedSend;
import dev.lanyard.platform.kafka.producer.UnacknowledgedSendException;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends events to their topics, keyed by their entity, and waits for every
 * acknowledgement for at most the ack timeout, counted from the call
 * ({@link AwaitedSend}).
 */
public final class KafkaEventPublisher implements EventPublisher {

	private final AwaitedSend<SpecificRecord> send;

	public KafkaEventPublisher(KafkaOperations<String, SpecificRecord> kafka, Duration ackTimeout) {
		this.send = new AwaitedSend<>(kafka, ackTimeout);
	}

	@Override
	public void publish(List<? extends ProvisioningEvent> events) {
		if (events == null) {
			throw new IllegalArgumentException("events cannot be null");
		}
		try {
			this.send.sendAll(events.stream()
				.map((event) -> new AwaitedSend.Outgoing<>(AvroEvents.topicOf(event).name(), event.key(),
						AvroEvents.toAvro(event), event.getClass().getSimpleName() + " " + event.eventId()))
				.toList());
		}
		catch (UnacknowledgedSendException ex) {
			throw new EventsUnavailableException(ex.getMessage(), ex.getCause());
		}
	}

}
