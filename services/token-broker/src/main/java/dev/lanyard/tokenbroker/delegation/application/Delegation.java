package dev.lanyard.tokenbroker.delegation.application;

import java.time.Instant;
import java.util.Set;

/** What asking for a delegated token led to. */
public sealed interface Delegation {

	/**
	 * Handed out, its TokenIssued acknowledged.
	 *
	 * @param tokenValue the delegated token
	 * @param issuedAt its {@code iat}
	 * @param expiresAt its {@code exp}
	 * @param scopes its scopes
	 */
	record Issued(String tokenValue, Instant issuedAt, Instant expiresAt, Set<String> scopes) implements Delegation {

		@Override
		public String toString() {
			return "Issued[tokenValue=<redacted>, expiresAt=" + this.expiresAt + ", scopes=" + this.scopes + "]";
		}

	}

	/**
	 * Refused by a rule, and recorded.
	 *
	 * @param reason which rule
	 * @param description what to tell the caller
	 */
	record Refused(Refusal reason, String description) implements Delegation {

	}

	/**
	 * Not now: the audit trail is unavailable.
	 *
	 * @param description what to tell the caller
	 */
	record Unavailable(String description) implements Delegation {

	}

	/**
	 * The rules that refuse a delegated token, each with the OAuth error that answers it
	 * (RFC 6749 §5.2, RFC 8693 §2.2.2) and the short code its CredentialDenied carries.
	 */
	enum Refusal {

		/**
		 * The actor is not the one the subject token's {@code may_act} names, or the
		 * actor token is not the authenticated client's own.
		 */
		ACTOR_NOT_ALLOWED("invalid_grant", "actor-not-allowed"),
		/** The actor token is not a valid, unexpired content session token of Lanyard. */
		ACTOR_TOKEN_INVALID("invalid_grant", "actor-token-invalid"),
		/** The actor token is not of the one type accepted. */
		ACTOR_TOKEN_TYPE("invalid_request", "actor-token-type-unsupported"),
		/** The audience is not one delegated tokens may be issued for. */
		AUDIENCE_NOT_ALLOWED("invalid_target", "audience-not-allowed"),
		/** A scope the subject token does not carry. */
		SCOPE_WIDENED("invalid_scope", "scope-widened"),
		/** The user is not in the read model. */
		UNKNOWN_USER("invalid_grant", "unknown-user"),
		/** The user is locked. */
		USER_LOCKED("invalid_grant", "user-locked"),
		/** The user is deactivated. */
		USER_DEACTIVATED("invalid_grant", "user-deactivated");

		private final String error;

		private final String code;

		Refusal(String error, String code) {
			this.error = error;
			this.code = code;
		}

		/** The OAuth error code the token endpoint answers with. */
		public String error() {
			return this.error;
		}

		/** Short kebab-case code, as recorded in CredentialDenied. */
		public String code() {
			return this.code;
		}

	}

}
