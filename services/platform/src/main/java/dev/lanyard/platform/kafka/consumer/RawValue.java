package dev.lanyard.platform.kafka.consumer;

/**
 * A consumed value that keeps the bytes it was read from, so that it can be dead-lettered
 * unchanged by {@link DeadLetterValueSerializer}.
 */
public interface RawValue {

	/** The value's bytes as read from Kafka. */
	byte[] raw();

}
