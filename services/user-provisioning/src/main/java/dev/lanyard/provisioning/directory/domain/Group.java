package dev.lanyard.provisioning.directory.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A group of users.
 *
 * @param id Lanyard's id
 * @param name display name, unique (case-sensitive)
 * @param uniqueId the identity provider's id of the group, {@code null} when not known
 * @param createdAt when created
 */
public record Group(UUID id, String name, String uniqueId, Instant createdAt) {

	/** Longest name a group may have. */
	public static final int MAX_NAME = 255;

	public Group {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters and not blank");
		}
		if (uniqueId != null && uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		if (createdAt == null) {
			throw new IllegalArgumentException("createdAt cannot be null");
		}
	}

	/** What a groups claim value is compared with under the given matching. */
	public String key(GroupMatching matching) {
		return (matching == GroupMatching.UNIQUE_ID) ? this.uniqueId : this.name;
	}

}
