package dev.lanyard.tokenbroker.federation.domain;

/**
 * The checks a presented federation token goes through, in order; each refusal names the
 * one that failed (CredentialDenied's {@code reason}) and the OAuth error answered.
 */
public enum FederationCheck {

	/** Not a JWS compact serialization, too large, or claims unreadable. */
	MALFORMED("malformed-token", "invalid_request"),

	/** {@code none}, an HMAC algorithm, or one the rule does not list. */
	ALGORITHM("algorithm-not-allowed", "invalid_grant"),

	/** A {@code typ} saying the token is something other than a plain JWT. */
	TOKEN_TYPE("token-type-not-accepted", "invalid_grant"),

	/** No rule trusts the exact {@code iss}. */
	ISSUER("issuer-not-trusted", "invalid_grant"),

	/** The issuer's keys could not be fetched. */
	KEYS_UNAVAILABLE("keys-unavailable", "temporarily_unavailable"),

	/** No key of the issuer matches the token's header, even after a re-fetch. */
	UNKNOWN_KEY("unknown-key", "invalid_grant"),

	SIGNATURE("signature-invalid", "invalid_grant"),

	AUDIENCE("audience-not-accepted", "invalid_grant"),

	/** {@code exp} passed (beyond the skew) or missing. */
	EXPIRED("token-expired", "invalid_grant"),

	/** {@code nbf} or {@code iat} in the future (beyond the skew). */
	NOT_YET_VALID("token-not-yet-valid", "invalid_grant"),

	/** {@code iat} missing or older than the rule's maximum age. */
	TOO_OLD("token-too-old", "invalid_grant"),

	JTI_MISSING("jti-missing", "invalid_grant"),

	REQUIRED_CLAIM("required-claim-missing", "invalid_grant"),

	SUBJECT_RULE("subject-rule-not-met", "invalid_grant"),

	/** More than one rule of the issuer accepts the token. */
	AMBIGUOUS("ambiguous-trust-rules", "invalid_grant"),

	JTI_REPLAYED("jti-replayed", "invalid_grant"),

	UNKNOWN_USER("unknown-user", "invalid_grant"),

	USER_DEACTIVATED("user-deactivated", "invalid_grant"),

	USER_LOCKED("user-locked", "invalid_grant"),

	/**
	 * Just-in-time creation: user-provisioning refused the person as it would refuse
	 * their sign-in (access groups, username).
	 */
	USER_NOT_ADMITTED("user-not-admitted", "invalid_grant"),

	/**
	 * Just-in-time creation: user-provisioning did not answer, or the new user did not
	 * reach the read model in time.
	 */
	USERS_UNAVAILABLE("user-provisioning-unavailable", "temporarily_unavailable"),

	/**
	 * workload-federation: the rule's content client does not exist (or is no content).
	 */
	UNKNOWN_CONTENT("unknown-content", "invalid_grant"),

	/** A scope was asked for that the issued token may not carry. */
	SCOPE("scope-not-allowed", "invalid_scope");

	private final String reason;

	private final String error;

	FederationCheck(String reason, String error) {
		this.reason = reason;
		this.error = error;
	}

	/**
	 * Whether a refusal at this check comes after the signature verified: before it,
	 * every claim is the caller's to choose and names nobody.
	 */
	public boolean afterSignature() {
		return ordinal() > SIGNATURE.ordinal();
	}

	/** The audit trail's reason code. */
	public String reason() {
		return this.reason;
	}

	/** The OAuth error code (RFC 6749 §5.2) answered. */
	public String error() {
		return this.error;
	}

}
