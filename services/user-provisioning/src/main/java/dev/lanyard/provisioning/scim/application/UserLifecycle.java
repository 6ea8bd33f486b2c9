package dev.lanyard.provisioning.scim.application;

import java.util.UUID;

import dev.lanyard.provisioning.shared.application.Actor;

/**
 * Deactivation, reactivation and deletion of users, as the directory does them (with
 * UserDeactivated and the revocations that follow). Called inside the SCIM change's
 * transaction.
 */
public interface UserLifecycle {

	/** Reason recorded when a SCIM client sets {@code active} to false. */
	String SCIM_DEACTIVATED = "scim-deactivated";

	void deactivate(UUID userId, String reason, Actor actor);

	void reactivate(UUID userId, Actor actor);

	void delete(UUID userId, Actor actor);

}
