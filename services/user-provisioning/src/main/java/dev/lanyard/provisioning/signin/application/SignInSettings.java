package dev.lanyard.provisioning.signin.application;

import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.directory.domain.RoleMapping;

/**
 * How sign-ins turn into users.
 *
 * @param registerOnFirstLogin whether an unknown person is registered when the provider
 * does not say
 * @param roleMapping where roles come from, and the default role
 * @param groupSync how groups claims become memberships
 * @param accessGroups the groups that grant access, if any
 */
public record SignInSettings(boolean registerOnFirstLogin, RoleMapping roleMapping, GroupSync groupSync,
		AccessGroups accessGroups) {

	public SignInSettings(boolean registerOnFirstLogin, RoleMapping roleMapping, GroupSync groupSync) {
		this(registerOnFirstLogin, roleMapping, groupSync, AccessGroups.none());
	}

	public SignInSettings {
		if (accessGroups == null) {
			throw new IllegalArgumentException("accessGroups cannot be null");
		}
		if (roleMapping == null) {
			throw new IllegalArgumentException("roleMapping cannot be null");
		}
		if (groupSync == null) {
			throw new IllegalArgumentException("groupSync cannot be null");
		}
	}

}
