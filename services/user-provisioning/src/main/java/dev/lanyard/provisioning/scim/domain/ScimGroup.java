package dev.lanyard.provisioning.scim.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A group as a SCIM Group resource, without its members (they are read apart, and only
 * when asked for).
 *
 * @param id Lanyard's id
 * @param displayName the group's name (case-sensitive, unique)
 * @param externalId the client's id, may be {@code null}
 * @param version increases with every change, members included
 * @param created when created
 * @param lastModified when last changed
 */
public record ScimGroup(UUID id, String displayName, String externalId, long version, Instant created,
		Instant lastModified) {

	public ScimGroup {
		if (id == null || displayName == null || created == null || lastModified == null) {
			throw new IllegalArgumentException("id, displayName, created and lastModified cannot be null");
		}
	}

	public ScimGroup changed(String newDisplayName, String newExternalId, Instant now) {
		return new ScimGroup(this.id, newDisplayName, newExternalId, this.version + 1, this.created, now);
	}

}
