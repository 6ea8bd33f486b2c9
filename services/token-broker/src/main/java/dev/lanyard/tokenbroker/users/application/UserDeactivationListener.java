package dev.lanyard.tokenbroker.users.application;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;

/** Told when a user was deactivated, after the read model recorded it. */
@FunctionalInterface
public interface UserDeactivationListener {

	/**
	 * @throws AuditTrailUnavailableException when the listener's record of what it did
	 * was not acknowledged in time; the deactivation is then to be handled again
	 */
	void userDeactivated(DeactivateUser deactivation) throws AuditTrailUnavailableException;

}
