package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;

/**
 * Command: a user may no longer receive credentials.
 *
 * @param userId the user
 * @param deactivatedAt when that happened
 */
public record DeactivateUser(String userId, Instant deactivatedAt) {

	public DeactivateUser {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (deactivatedAt == null) {
			throw new IllegalArgumentException("deactivatedAt cannot be null");
		}
	}

}
