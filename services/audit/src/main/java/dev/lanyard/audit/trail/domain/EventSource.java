package dev.lanyard.audit.trail.domain;

/**
 * Where an event was read from.
 *
 * @param topic the topic name
 * @param partition the partition
 * @param offset the offset within the partition
 */
public record EventSource(String topic, int partition, long offset) {

	public EventSource {
		Guards.notBlank(topic, "topic");
		if (partition < 0) {
			throw new IllegalArgumentException("partition cannot be negative");
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset cannot be negative");
		}
	}

}
