package dev.lanyard.tokenbroker.federation.application;

import java.util.List;

import dev.lanyard.tokenbroker.federation.domain.UserField;
import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Finds the users a federation rule's match claim names, in the user read model. */
public final class FederatedUsers {

	private final UserReadModel users;

	public FederatedUsers(UserReadModel users) {
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		this.users = users;
	}

	/** The users whose field equals the value (a well-kept read model: at most one). */
	public List<UserSnapshot> find(UserField field, String value) {
		if (field == null || value == null) {
			throw new IllegalArgumentException("field and value cannot be null");
		}
		return switch (field) {
			case UNIQUE_ID -> this.users.findByUniqueId(value);
			case EMAIL -> this.users.findByEmail(value);
			case USERNAME -> this.users.findByUsername(value);
		};
	}

}
