package dev.lanyard.provisioning.signin.application;

import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProfileField;

/**
 * The profile fields another source (a SCIM client) manages for a user. A sign-in keeps
 * them claimed whatever its own provider claims, so they never become editable by hand
 * because a sign-in claims fewer fields than that source writes.
 */
@FunctionalInterface
public interface ManagedFields {

	/** No field is managed elsewhere. */
	ManagedFields NONE = (userId) -> Set.of();

	/** The fields managed for that user; empty when none is. */
	Set<ProfileField> of(UUID userId);

}
