package dev.lanyard.provisioning.directory.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;

/** Where groups and memberships are kept. */
public interface GroupStore {

	Optional<Group> find(UUID id);

	/**
	 * Existing groups whose key under {@code matching} is one of {@code keys}, by key.
	 */
	Map<String, Group> findByKeys(GroupMatching matching, Collection<String> keys);

	boolean nameTaken(String name);

	boolean uniqueIdTaken(String uniqueId);

	/** Every group, ordered by name. */
	List<Group> all();

	void insert(Group group);

	void delete(UUID id);

	/** The groups a user is a member of, ordered by name. */
	List<Group> groupsOf(UUID userId);

	void addMember(UUID groupId, UUID userId, Instant at);

	void removeMember(UUID groupId, UUID userId);

}
