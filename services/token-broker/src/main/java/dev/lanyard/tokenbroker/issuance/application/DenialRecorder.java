package dev.lanyard.tokenbroker.issuance.application;

import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;

/**
 * Where refused credentials are recorded. Unlike an issuance, a refusal hands nothing
 * out, so it is answered whether or not its record was acknowledged: the caller waits for
 * the acknowledgement (bounded) and logs when there was none.
 */
public interface DenialRecorder {

	/**
	 * Records the denial and returns once the trail has durably accepted it.
	 * @throws AuditTrailUnavailableException when that did not happen in time (the record
	 * may still arrive later)
	 */
	void record(CredentialDenial denial) throws AuditTrailUnavailableException;

}
