package dev.lanyard.provisioning.config;

import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.GroupProvisioning;
import dev.lanyard.provisioning.directory.domain.GroupSync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How groups claims become groups and memberships.
 *
 * @param provisioning {@code manual}: only groups an administrator created are tracked;
 * {@code auto}: unknown names create groups (key
 * {@code lanyard.provisioning.groups.provisioning})
 * @param matchBy {@code name} (case-sensitive) or {@code unique-id} (key
 * {@code lanyard.provisioning.groups.match-by})
 */
@ConfigurationProperties("lanyard.provisioning.groups")
public record GroupProperties(@DefaultValue("manual") GroupProvisioning provisioning,
		@DefaultValue("name") GroupMatching matchBy) {

	public GroupProperties {
		if (provisioning == null || matchBy == null) {
			throw new IllegalArgumentException(
					"lanyard.provisioning.groups.provisioning and lanyard.provisioning.groups.match-by must be set");
		}
		if (provisioning == GroupProvisioning.AUTO && matchBy == GroupMatching.UNIQUE_ID) {
			throw new IllegalArgumentException("lanyard.provisioning.groups.provisioning=auto cannot be combined with"
					+ " lanyard.provisioning.groups.match-by=unique-id: a unique id does not name a group; create"
					+ " groups with a unique id and name through the admin API and use manual provisioning");
		}
	}

	public GroupSync toGroupSync() {
		return new GroupSync(this.provisioning, this.matchBy);
	}

}
