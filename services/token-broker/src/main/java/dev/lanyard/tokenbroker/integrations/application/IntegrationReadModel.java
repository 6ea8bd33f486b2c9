package dev.lanyard.tokenbroker.integrations.application;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.tokenbroker.integrations.domain.Integration;

/** Where token-broker keeps what it knows of integrations. */
public interface IntegrationReadModel {

	/**
	 * Stores the snapshot unless a later one is stored; {@code true} when stored.
	 */
	boolean apply(Integration integration);

	/** Marks the integration deleted (a tombstone on the compacted topic). */
	void markDeleted(String integrationId, Instant at);

	/** The latest snapshot, deleted ones included; empty when never seen. */
	Optional<Integration> find(String integrationId);

}
