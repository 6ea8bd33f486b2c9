package dev.lanyard.provisioning.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where roles come from.
 *
 * @param source {@code none} (administrators set roles), {@code claim} (the role claim)
 * or {@code groups} (group memberships) (key
 * {@code lanyard.provisioning.role-mapping.source})
 * @param claimValues per role, custom role claim values that give it; the role names
 * always count (key {@code lanyard.provisioning.role-mapping.claim-values.<role>})
 * @param groupRoles per role, the group names (or unique ids when matching by unique id)
 * that give it (key {@code lanyard.provisioning.role-mapping.group-roles.<role>})
 * @param restrictive least privileged matching role wins instead of the most (key
 * {@code lanyard.provisioning.role-mapping.restrictive})
 */
@ConfigurationProperties("lanyard.provisioning.role-mapping")
public record RoleMappingProperties(@DefaultValue("none") RoleMapping.Source source,
		Map<Role, List<String>> claimValues, Map<Role, List<String>> groupRoles,
		@DefaultValue("false") boolean restrictive) {

	private static final String PREFIX = "lanyard.provisioning.role-mapping.";

	public RoleMappingProperties {
		claimValues = (claimValues != null) ? Map.copyOf(claimValues) : Map.of();
		groupRoles = (groupRoles != null) ? Map.copyOf(groupRoles) : Map.of();
		if (source == null) {
			throw new IllegalArgumentException(PREFIX + "source must be none, claim or groups");
		}
		if (!claimValues.isEmpty() && !groupRoles.isEmpty()) {
			throw new IllegalArgumentException("Both " + PREFIX + "claim-values and " + PREFIX
					+ "group-roles are set: roles are mapped from the role claim or from groups, not both");
		}
		if (source == RoleMapping.Source.CLAIM && !groupRoles.isEmpty()) {
			throw new IllegalArgumentException(PREFIX + "source is claim but " + PREFIX
					+ "group-roles is set: roles are mapped from the role claim or from groups, not both");
		}
		if (source == RoleMapping.Source.GROUPS && !claimValues.isEmpty()) {
			throw new IllegalArgumentException(PREFIX + "source is groups but " + PREFIX
					+ "claim-values is set: roles are mapped from the role claim or from groups, not both");
		}
		if (source == RoleMapping.Source.GROUPS && groupRoles.isEmpty()) {
			throw new IllegalArgumentException(
					PREFIX + "source is groups but " + PREFIX + "group-roles names no group for any role");
		}
		if (source == RoleMapping.Source.NONE && (!claimValues.isEmpty() || !groupRoles.isEmpty())) {
			throw new IllegalArgumentException(
					PREFIX + "source is none but " + PREFIX + (claimValues.isEmpty() ? "group-roles" : "claim-values")
							+ " is set; set " + PREFIX + "source to claim or groups");
		}
		requireValues(claimValues, "claim-values");
		requireValues(groupRoles, "group-roles");
	}

	/** The mapping the domain applies. */
	public RoleMapping toRoleMapping(Role defaultRole) {
		Map<Role, List<String>> values = (this.source == RoleMapping.Source.GROUPS) ? this.groupRoles
				: this.claimValues;
		Map<Role, Set<String>> sets = new EnumMap<>(Role.class);
		values.forEach((role, keys) -> sets.put(role, Set.copyOf(keys)));
		return new RoleMapping(this.source, sets, this.restrictive, defaultRole);
	}

	private static void requireValues(Map<Role, List<String>> values, String key) {
		for (Map.Entry<Role, List<String>> entry : values.entrySet()) {
			if (entry.getValue() == null || entry.getValue().stream().anyMatch((v) -> v == null || v.isBlank())) {
				throw new IllegalArgumentException(
						PREFIX + key + "." + entry.getKey().value() + " must list non-blank values");
			}
		}
	}

}
