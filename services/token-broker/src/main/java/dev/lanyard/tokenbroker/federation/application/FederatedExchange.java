package dev.lanyard.tokenbroker.federation.application;

import dev.lanyard.tokenbroker.federation.domain.FederationCheck;

/** What exchanging a federation token led to. */
public sealed interface FederatedExchange {

	/** Signed and recorded in the audit trail. */
	record Issued(SignedToken token) implements FederatedExchange {

	}

	/** Refused (and the refusal recorded) because this check failed. */
	record Refused(FederationCheck check) implements FederatedExchange {

	}

	/** The audit trail did not acknowledge: nothing handed out. */
	record AuditTrailUnavailable() implements FederatedExchange {

	}

}
