package dev.lanyard.provisioning.directory.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A profile field an identity provider may supply from a claim. A claimed field is
 * refreshed at every sign-in and cannot be edited through the API.
 */
public enum ProfileField {

	USERNAME("username"), EMAIL("email"), FIRST_NAME("firstName"), LAST_NAME("lastName");

	private final String value;

	ProfileField(String value) {
		this.value = value;
	}

	/** The name in events and the API. */
	public String value() {
		return this.value;
	}

	public static Optional<ProfileField> of(String value) {
		for (ProfileField field : values()) {
			if (field.value.equals(value)) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

	public static Set<ProfileField> all() {
		return EnumSet.allOf(ProfileField.class);
	}

}
