package dev.lanyard.tokenbroker.federation.application;

import dev.lanyard.tokenbroker.federation.domain.FederationCheck;

/** What checking a presented federation token against the trust rules led to. */
public sealed interface TokenVerification {

	/** Accepted by exactly one rule. */
	record Verified(VerifiedToken token) implements TokenVerification {

	}

	/**
	 * Refused.
	 *
	 * @param check the check that failed
	 * @param issuer the token's {@code iss} as presented, or {@code null}
	 * @param subject its {@code sub} as presented, or {@code null}
	 * @param integrationId the rule that refused it, or {@code null} when none applied
	 */
	record Refused(FederationCheck check, String issuer, String subject,
			String integrationId) implements TokenVerification {

		public Refused {
			if (check == null) {
				throw new IllegalArgumentException("check cannot be null");
			}
		}

	}

}
