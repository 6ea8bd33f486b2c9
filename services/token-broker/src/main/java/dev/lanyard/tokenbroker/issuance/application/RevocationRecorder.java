package dev.lanyard.tokenbroker.issuance.application;

import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

/**
 * Where revocations are recorded. The credentials are gone before the record is made, so
 * a revocation stands whether or not its record was acknowledged in time; the record is
 * still delivered later when it can be.
 */
public interface RevocationRecorder {

	/**
	 * Records the revocation and returns once the trail has durably accepted it.
	 * @throws AuditTrailUnavailableException when that did not happen in time (the record
	 * may still arrive later)
	 */
	void record(TokenRevocation revocation) throws AuditTrailUnavailableException;

}
