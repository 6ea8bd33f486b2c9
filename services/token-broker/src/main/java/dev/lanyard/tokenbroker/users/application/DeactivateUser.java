package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: a user may no longer receive credentials.
 *
 * @param eventId id of the event that said so
 * @param userId the user
 * @param deactivatedAt when that happened
 * @param actorId who deactivated the user, else {@code null}
 * @param correlationId id of the flow that deactivated the user
 */
public record DeactivateUser(UUID eventId, String userId, Instant deactivatedAt, String actorId, String correlationId) {

	public DeactivateUser {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (deactivatedAt == null) {
			throw new IllegalArgumentException("deactivatedAt cannot be null");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
	}

}
