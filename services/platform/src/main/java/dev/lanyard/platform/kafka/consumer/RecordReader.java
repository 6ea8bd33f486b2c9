package dev.lanyard.platform.kafka.consumer;

import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an Avro event read from a topic into what a consumer's listener takes. Throws
 * {@link UnreadableRecordException} (or any runtime exception, which is taken as one)
 * when the event cannot be used.
 *
 * @param <T> what the listener takes
 */
@FunctionalInterface
public interface RecordReader<T> {

	T read(String topic, SpecificRecord event, byte[] raw);

	/** Any Lanyard event, as read. */
	static RecordReader<SpecificRecord> anyEvent() {
		return (topic, event, raw) -> event;
	}

	/** Any Lanyard event, with its bytes for the dead-letter topic. */
	static RecordReader<ReadEvent<SpecificRecord>> anyEventWithBytes() {
		return (topic, event, raw) -> new ReadEvent<>(event, raw);
	}

	/** Events of one type only, with their bytes; any other type is unreadable. */
	static <V extends SpecificRecord> RecordReader<ReadEvent<V>> only(Class<V> type) {
		if (type == null) {
			throw new IllegalArgumentException("type cannot be null");
		}
		return (topic, event, raw) -> {
			if (!type.isInstance(event)) {
				throw new UnreadableRecordException("Expected " + type.getSimpleName() + " on " + topic + ", read "
						+ event.getClass().getSimpleName());
			}
			return new ReadEvent<>(type.cast(event), raw);
		};
	}

}
