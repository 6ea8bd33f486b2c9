package dev.lanyard.tokenbroker.federation.domain;

/** The user field an oidc-federation rule's match claim must equal. */
public enum UserField {

	UNIQUE_ID("unique-id"), EMAIL("email"), USERNAME("username");

	private final String value;

	UserField(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static UserField fromValue(String value) {
		for (UserField field : values()) {
			if (field.value.equals(value)) {
				return field;
			}
		}
		throw new IllegalArgumentException("userField must be unique-id, email or username");
	}

}
