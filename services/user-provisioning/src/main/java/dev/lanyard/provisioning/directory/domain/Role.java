package dev.lanyard.provisioning.directory.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do. {@link #VIEWER}, {@link #PUBLISHER} and {@link #ADMINISTRATOR} are
 * ordered by privilege; {@link #AUDITOR} reads the audit trail only and manages nothing,
 * so it ranks lowest. Role mapping hands out every role (members of a group can be made
 * auditors); the default role is never auditor.
 */
public enum Role {

	VIEWER(1), PUBLISHER(2), ADMINISTRATOR(3), AUDITOR(0);

	private final int privilege;

	Role(int privilege) {
		this.privilege = privilege;
	}

	/** The name used in events, settings and the API. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the default-role setting may give this role: not auditor, since reading the
	 * trail is granted (by an administrator or a mapping), never assumed.
	 */
	public boolean defaultable() {
		return this.privilege > 0;
	}

	public boolean morePrivilegedThan(Role other) {
		return this.privilege > other.privilege;
	}

	public static Optional<Role> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Role role : values()) {
			if (role.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
