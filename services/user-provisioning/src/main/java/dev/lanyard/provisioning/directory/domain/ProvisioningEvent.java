package dev.lanyard.provisioning.directory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service tells the rest of the ensemble. Each carries its idempotency key,
 * when it happened, the correlation id of the request or sign-in that caused it and the
 * actor, where there is one.
 */
public sealed interface ProvisioningEvent {

	UUID eventId();

	Instant occurredAt();

	String correlationId();

	/** The Kafka key: the entity whose events must stay in order. */
	String key();

	/**
	 * The user after a change: every accepted sign-in and every change through the API.
	 *
	 * @param user the user as it now is
	 * @param groupIds the user's groups now
	 */
	record UserChanged(UUID eventId, Instant occurredAt, String correlationId, String actorId, User user,
			List<UUID> groupIds) implements ProvisioningEvent {

		public UserChanged {
			Guards.common(eventId, occurredAt, correlationId);
			if (user == null) {
				throw new IllegalArgumentException("user cannot be null");
			}
			groupIds = (groupIds != null) ? List.copyOf(groupIds) : List.of();
		}

		@Override
		public String key() {
			return this.user.id().toString();
		}

	}

	/**
	 * A user may no longer sign in or receive credentials: every token of theirs is to be
	 * revoked. Published before the inactive user's {@link UserChanged}.
	 *
	 * @param reason e.g. {@code scim-deactivated}, {@code admin-deactivated},
	 * {@code deleted}, {@code no-access-group}
	 */
	record UserDeactivated(UUID eventId, Instant occurredAt, String correlationId, String actorId, UUID userId,
			String reason) implements ProvisioningEvent {

		public UserDeactivated {
			Guards.common(eventId, occurredAt, correlationId);
			if (userId == null) {
				throw new IllegalArgumentException("userId cannot be null");
			}
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("reason cannot be blank");
			}
		}

		@Override
		public String key() {
			return this.userId.toString();
		}

	}

	/**
	 * One user joined or left one group.
	 *
	 * @param added joined ({@code true}) or left
	 */
	record MembershipChanged(UUID eventId, Instant occurredAt, String correlationId, String actorId, UUID userId,
			Group group, boolean added) implements ProvisioningEvent {

		public MembershipChanged {
			Guards.common(eventId, occurredAt, correlationId);
			if (userId == null || group == null) {
				throw new IllegalArgumentException("userId and group cannot be null");
			}
		}

		@Override
		public String key() {
			return this.userId.toString();
		}

	}

	/**
	 * A sign-in this service refused; keyed by the provider's unique id of the person.
	 *
	 * @param loginEventId the refused UserLoggedIn's eventId
	 * @param userId the existing user, {@code null} when there is none
	 * @param reason why, one of the wire values of {@link RefusalReason}
	 * @param message what the person is told
	 */
	record LoginRefused(UUID eventId, Instant occurredAt, String correlationId, UUID loginEventId, String provider,
			String issuer, String uniqueId, UUID userId, String sessionId, RefusalReason reason,
			String message) implements ProvisioningEvent {

		public LoginRefused {
			Guards.common(eventId, occurredAt, correlationId);
			if (loginEventId == null || reason == null || message == null) {
				throw new IllegalArgumentException("loginEventId, reason and message cannot be null");
			}
		}

		@Override
		public String key() {
			return this.uniqueId;
		}

	}

	/**
	 * An administrator created, rotated or revoked a SCIM client. Names the client, never
	 * its secret nor the secret's hash.
	 *
	 * @param actorId the administrator
	 * @param clientId the SCIM client
	 * @param name its name
	 * @param action {@code created}, {@code rotated} or {@code revoked}
	 */
	record ScimClientChanged(UUID eventId, Instant occurredAt, String correlationId, String actorId, UUID clientId,
			String name, String action) implements ProvisioningEvent {

		public static final java.util.Set<String> ACTIONS = java.util.Set.of("created", "rotated", "revoked");

		public ScimClientChanged {
			Guards.common(eventId, occurredAt, correlationId);
			if (clientId == null || name == null) {
				throw new IllegalArgumentException("clientId and name cannot be null");
			}
			if (!ACTIONS.contains(action)) {
				throw new IllegalArgumentException("action must be one of created, rotated, revoked");
			}
		}

		@Override
		public String key() {
			return this.clientId.toString();
		}

	}

	/** Guards shared by every event. */
	final class Guards {

		private Guards() {
		}

		static void common(UUID eventId, Instant occurredAt, String correlationId) {
			if (eventId == null) {
				throw new IllegalArgumentException("eventId cannot be null");
			}
			if (occurredAt == null) {
				throw new IllegalArgumentException("occurredAt cannot be null");
			}
			if (correlationId == null || correlationId.isBlank()) {
				throw new IllegalArgumentException("correlationId cannot be blank");
			}
		}

	}

}
