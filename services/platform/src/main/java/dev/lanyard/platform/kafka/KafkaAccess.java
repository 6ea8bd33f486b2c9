package dev.lanyard.platform.kafka;

import java.util.List;

/**
 * What one service may do on Kafka, as the broker's ACLs grant it: produce the topics it
 * owns, read the topics it consumes with consumer groups named after it, and write dead
 * letters when it consumes anything. One declaration drives the launcher's ACLs, the
 * compose and Kubernetes users, and the tests that check them.
 *
 * @param principal the service's Kafka user (its service name)
 * @param produces the topics it owns: no other service may write them
 * @param reads the topics it consumes
 */
public record KafkaAccess(String principal, List<Topic<?>> produces, List<Topic<?>> reads) {

	public KafkaAccess {
		if (principal == null || !principal.matches("[a-z][a-z-]*")) {
			throw new IllegalArgumentException("principal must be a lower-case service name: " + principal);
		}
		if (produces == null || reads == null) {
			throw new IllegalArgumentException("produces and reads cannot be null");
		}
		produces = List.copyOf(produces);
		reads = List.copyOf(reads);
	}

	/**
	 * Consumer group ids it may use start with this (the gateway's one group per instance
	 * adds a random suffix).
	 */
	public String consumerGroupPrefix() {
		return this.principal;
	}

	/** Whether it may write {@link Topics#DEAD_LETTER}: every consumer may. */
	public boolean writesDeadLetters() {
		return !this.reads.isEmpty();
	}

}
