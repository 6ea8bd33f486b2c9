package dev.lanyard.provisioning.directory.application;

/**
 * An administrator creates a group.
 *
 * @param name display name, unique (case-sensitive)
 * @param uniqueId the identity provider's id of the group; required when groups are
 * matched by unique id
 */
public record CreateGroup(String name, String uniqueId) {
}
