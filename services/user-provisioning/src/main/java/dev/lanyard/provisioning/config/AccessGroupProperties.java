package dev.lanyard.provisioning.config;

import java.util.LinkedHashSet;
import java.util.List;

import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The groups that grant access to Lanyard (key
 * {@code lanyard.provisioning.access-groups}: group names, or unique ids when groups are
 * matched by unique id). Empty, the default: no such rule. Set: a user left in none of
 * them by a membership change (sign-in sync, admin API, SCIM) is deactivated with reason
 * {@code no-access-group}, and reactivated once back in one; a user deactivated for
 * another reason stays deactivated.
 */
@ConfigurationProperties("lanyard.provisioning")
public record AccessGroupProperties(@DefaultValue List<String> accessGroups) {

	public AccessGroupProperties {
		accessGroups = (accessGroups != null) ? List.copyOf(accessGroups) : List.of();
		for (String group : accessGroups) {
			if (group == null || group.isBlank() || group.length() > Group.MAX_NAME) {
				throw new IllegalArgumentException("lanyard.provisioning.access-groups entries must be 1 to "
						+ Group.MAX_NAME + " characters, not blank");
			}
		}
	}

	public AccessGroups toAccessGroups(GroupMatching matching) {
		return new AccessGroups(new LinkedHashSet<>(this.accessGroups), matching);
	}

}
