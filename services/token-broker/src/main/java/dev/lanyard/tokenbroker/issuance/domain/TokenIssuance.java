package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * That a token was handed out, as the audit trail records it: the token's SHA-256 and
 * what it grants, never the token itself.
 *
 * @param eventId unique id of this record, the idempotency key downstream
 * @param occurredAt when the issuance happened
 * @param correlationId id of the request that caused it
 * @param tokenId the token's {@code jti}
 * @param tokenSha256 lower-case hex SHA-256 of the token value
 * @param tokenType e.g. {@code content-session}
 * @param subjectId whom the token stands for
 * @param subjectType what the subject is: a client's kind ({@code content},
 * {@code administrator}, {@code auditor}, {@code gateway}), {@code user}, or
 * {@code service} (this service itself)
 * @param contentId the content item, when the subject is one
 * @param scopes the granted scopes
 * @param audience the token's audience
 * @param grantType the OAuth grant that produced it
 * @param issuedAt the token's {@code iat}
 * @param expiresAt the token's {@code exp}
 * @param actorId who asked for it, when someone other than the subject did (e.g. the
 * gateway for a user session token), else {@code null}
 * @param integrationId the integration an external token is for, else {@code null}
 * @param provenance where its authority came from ({@link Provenance#NONE} for a plain
 * issuance)
 */
public record TokenIssuance(UUID eventId, Instant occurredAt, String correlationId, String tokenId, String tokenSha256,
		String tokenType, String subjectId, String subjectType, String contentId, List<String> scopes,
		List<String> audience, String grantType, Instant issuedAt, Instant expiresAt, String actorId,
		String integrationId, Provenance provenance) {

	/**
	 * The token type of content session tokens: a content client's own access token.
	 * (Every client access token carries it as its {@code lanyard_token_type} claim, the
	 * resource servers' contract; the audit trail names the others
	 * {@link #CLIENT_ACCESS}.)
	 */
	public static final String CONTENT_SESSION = "content-session";

	/**
	 * The token type recorded for the access tokens of clients that are not content:
	 * administrators, auditors, the gateway.
	 */
	public static final String CLIENT_ACCESS = "client-access";

	/** The token type of user session tokens: minted for one content item, held by it. */
	public static final String USER_SESSION = "user-session";

	/**
	 * The token type the gateway relays to the connections API for a signed-in person;
	 * content never holds one, and no other API or grant takes it.
	 */
	public static final String USER_CONNECTIONS = "user-connections";

	/**
	 * The token type the gateway relays to audit's query API for a signed-in auditor;
	 * content never holds one, and no other API takes it.
	 */
	public static final String USER_AUDIT = "user-audit";

	/** The token type of external services' access tokens handed to content. */
	public static final String EXTERNAL_ACCESS = "external-access";

	/** The token type of the short-lived tokens this service signs for its own calls. */
	public static final String INTERNAL_SERVICE = "internal-service";

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	public TokenIssuance {
		requireNonNull(eventId, "eventId");
		requireNonNull(occurredAt, "occurredAt");
		AuditRecordChecks.requireText(correlationId, "correlationId");
		AuditRecordChecks.requireText(tokenId, "tokenId");
		if (tokenSha256 == null || !SHA256_HEX.matcher(tokenSha256).matches()) {
			throw new IllegalArgumentException("tokenSha256 must be 64 lower-case hex digits");
		}
		AuditRecordChecks.requireText(tokenType, "tokenType");
		AuditRecordChecks.requireText(subjectId, "subjectId");
		AuditRecordChecks.requireText(subjectType, "subjectType");
		requireNonNull(scopes, "scopes");
		requireNonNull(audience, "audience");
		AuditRecordChecks.requireText(grantType, "grantType");
		requireNonNull(issuedAt, "issuedAt");
		requireNonNull(expiresAt, "expiresAt");
		if (!expiresAt.isAfter(issuedAt)) {
			throw new IllegalArgumentException("expiresAt must be after issuedAt");
		}
		requireNonNull(provenance, "provenance");
		scopes = List.copyOf(scopes);
		audience = List.copyOf(audience);
	}

	/** An issuance with nothing beyond subject and actor to say where it came from. */
	public TokenIssuance(UUID eventId, Instant occurredAt, String correlationId, String tokenId, String tokenSha256,
			String tokenType, String subjectId, String subjectType, String contentId, List<String> scopes,
			List<String> audience, String grantType, Instant issuedAt, Instant expiresAt, String actorId,
			String integrationId) {
		this(eventId, occurredAt, correlationId, tokenId, tokenSha256, tokenType, subjectId, subjectType, contentId,
				scopes, audience, grantType, issuedAt, expiresAt, actorId, integrationId, Provenance.NONE);
	}

	/** This issuance, with where its authority came from. */
	public TokenIssuance withProvenance(Provenance where) {
		return new TokenIssuance(this.eventId, this.occurredAt, this.correlationId, this.tokenId, this.tokenSha256,
				this.tokenType, this.subjectId, this.subjectType, this.contentId, this.scopes, this.audience,
				this.grantType, this.issuedAt, this.expiresAt, this.actorId, this.integrationId, where);
	}

	/** An issuance without actor or integration. */
	public TokenIssuance(UUID eventId, Instant occurredAt, String correlationId, String tokenId, String tokenSha256,
			String tokenType, String subjectId, String subjectType, String contentId, List<String> scopes,
			List<String> audience, String grantType, Instant issuedAt, Instant expiresAt) {
		this(eventId, occurredAt, correlationId, tokenId, tokenSha256, tokenType, subjectId, subjectType, contentId,
				scopes, audience, grantType, issuedAt, expiresAt, null, null);
	}

	private static void requireNonNull(Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " cannot be null");
		}
	}

}
