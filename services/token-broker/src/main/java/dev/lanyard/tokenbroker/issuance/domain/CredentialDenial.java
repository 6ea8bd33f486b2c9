package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * That a credential was refused for a reason an auditor cares about, as the audit trail
 * records it: who would have got it, for what, and why. Never a token or a secret.
 *
 * @param eventId unique id of this record, the idempotency key downstream
 * @param occurredAt when the refusal happened
 * @param correlationId id of the refused request
 * @param actorId the client that authenticated the request, else {@code null}
 * @param subjectId whom the credential would have stood for
 * @param subjectType {@code content} or {@code user}
 * @param contentId the content item, when known, else {@code null}
 * @param integrationId the integration asked for (the exchange's audience)
 * @param requestedScopes the scopes asked for (empty: the default ones)
 * @param grantType the OAuth grant asked for
 * @param error the OAuth error answered, e.g. {@code unauthorized_client}
 * @param reason why, as a short kebab-case code, e.g. {@code not-associated}
 */
public record CredentialDenial(UUID eventId, Instant occurredAt, String correlationId, String actorId, String subjectId,
		String subjectType, String contentId, String integrationId, List<String> requestedScopes, String grantType,
		String error, String reason) {

	/** Subject type of content items. */
	public static final String CONTENT = "content";

	/** Subject type of users. */
	public static final String USER = "user";

	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public CredentialDenial {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (occurredAt == null) {
			throw new IllegalArgumentException("occurredAt cannot be null");
		}
		requireText(correlationId, "correlationId");
		requireText(subjectId, "subjectId");
		if (!CONTENT.equals(subjectType) && !USER.equals(subjectType)) {
			throw new IllegalArgumentException("subjectType must be content or user");
		}
		requireText(integrationId, "integrationId");
		if (requestedScopes == null) {
			throw new IllegalArgumentException("requestedScopes cannot be null");
		}
		requireText(grantType, "grantType");
		requireText(error, "error");
		if (reason == null || !KEBAB_CASE.matcher(reason).matches()) {
			throw new IllegalArgumentException("reason must be a kebab-case code");
		}
		requestedScopes = List.copyOf(requestedScopes);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be blank");
		}
	}

}
