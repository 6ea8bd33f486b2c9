package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;

/** What asking for a user session token led to. */
public sealed interface UserSessionIssuance {

	/**
	 * Minted and recorded in the audit trail.
	 *
	 * @param tokenValue the signed token
	 * @param issuedAt its {@code iat}
	 * @param expiresAt its {@code exp}
	 */
	record Issued(String tokenValue, Instant issuedAt, Instant expiresAt) implements UserSessionIssuance {

		@Override
		public String toString() {
			return "Issued[tokenValue=<redacted>, issuedAt=" + this.issuedAt + ", expiresAt=" + this.expiresAt + "]";
		}

	}

	/** The user is not in the read model, even after waiting. */
	record UnknownUser() implements UserSessionIssuance {

	}

	/**
	 * The user may not receive tokens.
	 *
	 * @param reason why, fit for an error description
	 */
	record Refused(String reason) implements UserSessionIssuance {

	}

	/** The user is known, but not yet at the version the gateway knows: retry. */
	record NotYetCurrent() implements UserSessionIssuance {

	}

	/** The audit trail did not acknowledge: nothing handed out. */
	record AuditTrailUnavailable() implements UserSessionIssuance {

	}

}
