package dev.lanyard.tokenbroker.issuance.application;

import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

/** Where every issuance is recorded before its token leaves the service. */
public interface IssuanceAuditTrail {

	/**
	 * Records the issuance and returns once the trail has durably accepted it.
	 * @throws AuditTrailUnavailableException when that did not happen in time; the token
	 * must then not be handed out
	 */
	void record(TokenIssuance issuance) throws AuditTrailUnavailableException;

}
