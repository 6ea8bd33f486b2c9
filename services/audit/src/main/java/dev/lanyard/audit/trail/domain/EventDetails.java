package dev.lanyard.audit.trail.domain;

import java.util.List;

/**
 * What one event means, typed per event type and built from its stored payload by
 * {@link EventDetailsReader}. Never holds a secret: the events carry none.
 */
public sealed interface EventDetails {

	/** GroupMembershipChanged: a user added to or removed from a group. */
	record GroupMembership(String userId, String groupId, String groupName, String change) implements EventDetails {
	}

	/**
	 * IntegrationChanged: the integration as it now is, and what changed since the
	 * previous IntegrationChanged of the same integration in the trail ({@code created}
	 * when there is none).
	 */
	record Integration(String name, String template, String kind, String authorizationEndpoint, String tokenEndpoint,
			String clientId, List<String> scopes, String audience, Long maxTokenLifetimeSeconds,
			List<String> allowedGroupIds, List<String> contentIds, Long secretVersion, Boolean deleted, boolean created,
			List<FieldChange> changes) implements EventDetails {
	}

	/**
	 * One field of an integration before and after a change.
	 *
	 * @param field the field's name
	 * @param before its previous value
	 * @param after its new value
	 */
	record FieldChange(String field, Object before, Object after) {
	}

	/** UserLoggedIn: a successful sign-in at an identity provider. */
	record SignIn(String provider, String issuer, String uniqueId, String username,
			String outcome) implements EventDetails {
	}

	/** UserLoginRefused: a sign-in Lanyard refused, and why. */
	record SignInRefused(String provider, String issuer, String uniqueId, String userId, String reason,
			String outcome) implements EventDetails {
	}

	/** UserSignedOut. */
	record SignOut(String userId, String sessionId) implements EventDetails {
	}

	/** UserChanged: the user's state after the change. */
	record User(String username, String role, Boolean locked, Boolean active, List<String> groupIds,
			Long version) implements EventDetails {
	}

	/** UserDeactivated, and why. */
	record Deactivation(String userId, String reason) implements EventDetails {
	}

	/**
	 * TokenIssued: what was handed out, and on what grounds beyond the subject.
	 *
	 * @param federatedIssuer identity federation: the trusted issuer of the token
	 * presented for this one, or {@code null}
	 * @param federatedSubject identity federation: that token's {@code sub}, or
	 * {@code null}
	 * @param onBehalfOfUserId backend mapping: the user the content acted for (the
	 * credential stays the subject's), or {@code null}
	 * @param actorChain delegation ({@code act}): who acts for the subject, nearest
	 * first; empty when no one does
	 */
	record Issuance(String tokenType, String grantType, List<String> scopes, List<String> audience, String issuedAt,
			String expiresAt, String federatedIssuer, String federatedSubject, String onBehalfOfUserId,
			List<String> actorChain) implements EventDetails {
	}

	/**
	 * TokenRevoked: why, and how much: {@code token} (one credential),
	 * {@code integration} (all the subject's credentials for one integration) or
	 * {@code all}.
	 */
	record Revocation(String reason, String scope) implements EventDetails {
	}

	/**
	 * CredentialDenied: a credential refused, and why; for identity federation, the
	 * {@code iss} and {@code sub} of the presented token as presented (the subject type
	 * is then {@code federated} when it matched no one).
	 */
	record Denial(String reason, String error, String grantType, List<String> requestedScopes, Long repeatCount,
			String federatedIssuer, String federatedSubject) implements EventDetails {
	}

	/**
	 * ScimClientChanged: an identity provider's SCIM client created, rotated (new secret)
	 * or revoked. The event carries no secret.
	 */
	record ScimClient(String clientId, String name, String action) implements EventDetails {
	}

	/**
	 * RetentionApplied: audit's own record that the events of one whole day older than
	 * the retention period were removed, with the leaf ranges they held (the log keeps
	 * their hashes, so verification still passes across them).
	 */
	record Retention(String day, String retention, Long removed, List<List<Long>> leafRanges) implements EventDetails {
	}

	/**
	 * An event type this version does not describe; its columns still say what they can.
	 */
	record Unknown() implements EventDetails {
	}

}
