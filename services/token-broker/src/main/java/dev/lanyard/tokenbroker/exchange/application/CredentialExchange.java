package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** What asking for an external credential led to. */
public sealed interface CredentialExchange {

	/**
	 * Handed out, its TokenIssued acknowledged.
	 *
	 * @param tokenValue the external access token
	 * @param expiresAt until when it may be used
	 * @param scopes the scopes granted
	 */
	record Issued(String tokenValue, Instant issuedAt, Instant expiresAt,
			Set<String> scopes) implements CredentialExchange {

		@Override
		public String toString() {
			return "Issued[tokenValue=<redacted>, expiresAt=" + this.expiresAt + ", scopes=" + this.scopes + "]";
		}

	}

	/**
	 * Lanyard's own rules refuse it.
	 *
	 * @param reason which rule
	 * @param description what to tell the caller
	 * @param uri where the caller can act on it (the connect URL of a viewer integration
	 * the user has not connected), or {@code null}
	 */
	record Denied(Denial reason, String description, URI uri) implements CredentialExchange {

		public Denied(Denial reason, String description) {
			this(reason, description, null);
		}

	}

	/**
	 * The external service (or integration-registry) refused.
	 *
	 * @param error its OAuth error code, or {@code null}
	 * @param description what to tell the caller
	 */
	record ExternalRefusal(String error, String description) implements CredentialExchange {

	}

	/**
	 * Not now: an external service or the audit trail is unavailable.
	 *
	 * @param description what to tell the caller
	 */
	record Unavailable(String description) implements CredentialExchange {

	}

	/**
	 * The rules that can refuse a credential, each with the OAuth error that answers it
	 * (RFC 6749 §5.2, RFC 8693 §2.2.2) and the short code its CredentialDenied carries.
	 */
	enum Denial {

		/** No such integration, or deleted. */
		UNKNOWN_INTEGRATION("invalid_target", "unknown-integration"),
		/** The integration is of the other kind. */
		WRONG_KIND("invalid_target", "wrong-integration-kind"),
		/** The content is not associated with the integration. */
		NOT_ASSOCIATED("unauthorized_client", "not-associated"),
		/** More scopes asked for than the integration has. */
		SCOPE_TOO_WIDE("invalid_scope", "scope-not-allowed"),
		/** A scope the user's connection did not grant. */
		SCOPE_NOT_GRANTED("invalid_scope", "scope-not-granted"),
		/** The user is not in one of the integration's allowed groups. */
		GROUP_NOT_ALLOWED("access_denied", "not-in-allowed-group"),
		/** The user is not in the read model. */
		UNKNOWN_USER("access_denied", "unknown-user"),
		/** The user is locked. */
		USER_LOCKED("access_denied", "user-locked"),
		/** The user is deactivated. */
		USER_DEACTIVATED("access_denied", "user-deactivated"),
		/**
		 * The user has not connected the viewer integration (or its grant was revoked):
		 * {@code invalid_grant}, because the user's grant at the external service is
		 * missing; {@code access_denied} is an authorization-endpoint code generic
		 * clients do not expect here.
		 */
		NOT_CONNECTED("invalid_grant", "not-connected"),
		/**
		 * A delegated integration, but the browser session holds no usable upstream token
		 * (never deposited, expired, or dropped at sign-out): the user signs in again.
		 */
		UPSTREAM_TOKEN_MISSING("invalid_grant", "upstream-token-missing"),
		/** The provider refused the user's upstream token ({@code invalid_grant}). */
		UPSTREAM_TOKEN_REFUSED("invalid_grant", "upstream-token-refused");

		private final String error;

		private final String code;

		Denial(String error, String code) {
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
