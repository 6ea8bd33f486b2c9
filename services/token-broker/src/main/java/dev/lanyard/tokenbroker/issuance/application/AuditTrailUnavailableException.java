package dev.lanyard.tokenbroker.issuance.application;

/**
 * The audit trail did not acknowledge an issuance in time. Transient: the same request
 * can succeed once the trail is back.
 */
public final class AuditTrailUnavailableException extends Exception {

	public AuditTrailUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
