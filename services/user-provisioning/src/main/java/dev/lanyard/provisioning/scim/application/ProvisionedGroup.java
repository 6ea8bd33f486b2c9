package dev.lanyard.provisioning.scim.application;

import java.util.List;

import dev.lanyard.provisioning.scim.domain.ScimGroup;

/**
 * A group as a SCIM resource.
 *
 * @param group the group
 * @param members its members, {@code null} when not asked for
 */
public record ProvisionedGroup(ScimGroup group, List<ScimGroupStore.Member> members) {

	public ProvisionedGroup {
		if (group == null) {
			throw new IllegalArgumentException("group cannot be null");
		}
		members = (members != null) ? List.copyOf(members) : null;
	}

}
