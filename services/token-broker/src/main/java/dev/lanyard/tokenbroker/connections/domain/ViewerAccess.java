package dev.lanyard.tokenbroker.connections.domain;

import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Whether a user may connect, and get credentials of, a viewer integration: it must
 * exist, be a viewer integration and not be deleted; the user must be known, active and
 * not locked, and in one of its allowed groups when it names any.
 */
public enum ViewerAccess {

	ALLOWED, UNKNOWN_INTEGRATION, NOT_VIEWER, UNKNOWN_USER, USER_LOCKED, USER_INACTIVE, GROUP_NOT_ALLOWED;

	/**
	 * @param integration the integration as the read model knows it, or {@code null}
	 * @param user the user as the read model knows them, or {@code null}
	 */
	public static ViewerAccess decide(Integration integration, UserSnapshot user) {
		if (integration == null || integration.deleted()) {
			return UNKNOWN_INTEGRATION;
		}
		if (integration.kind() != IntegrationKind.VIEWER) {
			return NOT_VIEWER;
		}
		if (user == null) {
			return UNKNOWN_USER;
		}
		switch (user.standing()) {
			case LOCKED:
				return USER_LOCKED;
			case INACTIVE:
				return USER_INACTIVE;
			default:
				break;
		}
		return integration.allowsGroups(user.groupIds()) ? ALLOWED : GROUP_NOT_ALLOWED;
	}

	/** Words for the caller, naming the ids. */
	public String describe(String userId, String integrationId) {
		return switch (this) {
			case ALLOWED -> "User " + userId + " may use integration " + integrationId;
			case UNKNOWN_INTEGRATION -> "Unknown integration " + integrationId;
			case NOT_VIEWER -> "Integration " + integrationId
					+ " hands out service-account credentials; exchange a content session token for it";
			case UNKNOWN_USER -> "Unknown user " + userId;
			case USER_LOCKED -> "User " + userId + " is locked";
			case USER_INACTIVE -> "User " + userId + " is deactivated";
			case GROUP_NOT_ALLOWED ->
				"User " + userId + " is in none of the groups allowed to use integration " + integrationId;
		};
	}

}
