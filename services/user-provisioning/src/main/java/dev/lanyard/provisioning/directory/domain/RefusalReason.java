package dev.lanyard.provisioning.directory.domain;

/** Why a sign-in was refused. */
public enum RefusalReason {

	UNKNOWN_USER("unknown-user"), INVALID_USERNAME("invalid-username"), USERNAME_MISSING("username-missing"),
	LOCKED("locked"), DEACTIVATED("deactivated"), NO_ACCESS_GROUP("no-access-group");

	private final String value;

	RefusalReason(String value) {
		this.value = value;
	}

	/** The name in UserLoginRefused.reason. */
	public String value() {
		return this.value;
	}

}
