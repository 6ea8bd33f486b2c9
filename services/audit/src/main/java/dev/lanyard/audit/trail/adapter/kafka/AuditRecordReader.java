package dev.lanyard.audit.trail.adapter.kafka;

import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.RecordReader;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps an event read from any Lanyard topic for the trail: what it indexes, the whole
 * event as JSON, and the bytes it came from. What cannot be stored is an
 * {@link UnreadableRecordException}, dead-lettered at once.
 */
final class AuditRecordReader implements RecordReader<DecodedEvent> {

	private final AvroEventMapper mapper;

	AuditRecordReader() {
		this(new AvroEventMapper(Topics.ALL));
	}

	AuditRecordReader(AvroEventMapper mapper) {
		if (mapper == null) {
			throw new IllegalArgumentException("mapper cannot be null");
		}
		this.mapper = mapper;
	}

	@Override
	public DecodedEvent read(String topic, SpecificRecord event, byte[] raw) {
		return new DecodedEvent(this.mapper.map(topic, event), AvroJson.toJson(event), raw);
	}

}
