package dev.lanyard.tokenbroker.clientcredentials.application;

/** What recording a client access token led to. */
public sealed interface ClientAccessTokenIssuance {

	/** Its TokenIssued is acknowledged: the token may be handed out. */
	record Recorded() implements ClientAccessTokenIssuance {

	}

	/** The audit trail did not acknowledge in time: the token must not be handed out. */
	record AuditTrailUnavailable() implements ClientAccessTokenIssuance {

	}

}
