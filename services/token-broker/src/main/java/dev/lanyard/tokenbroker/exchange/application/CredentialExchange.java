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

	/** The rules that can refuse a credential. */
	enum Denial {

		/** No such integration, or deleted. */
		UNKNOWN_INTEGRATION,
		/** The integration is of the other kind. */
		WRONG_KIND,
		/** The content is not associated with the integration. */
		NOT_ASSOCIATED,
		/** More scopes asked for than the integration has. */
		SCOPE_TOO_WIDE,
		/** The user is not in one of the integration's allowed groups. */
		GROUP_NOT_ALLOWED,
		/** The user is unknown, locked or deactivated. */
		USER_NOT_ALLOWED,
		/**
		 * The user has not connected the viewer integration (or its grant was revoked).
		 */
		NOT_CONNECTED

	}

}
