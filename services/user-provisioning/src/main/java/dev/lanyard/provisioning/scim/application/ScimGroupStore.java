package dev.lanyard.provisioning.scim.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.ScimGroup;

/** Groups with their version and externalId, and their members by id. */
public interface ScimGroupStore {

	Optional<ScimGroup> find(UUID id);

	/** Locks the group until the transaction ends. */
	Optional<ScimGroup> findForUpdate(UUID id);

	/** Whether a group other than {@code except} has that name (case-sensitive). */
	boolean nameTaken(String name, UUID except);

	/** Whether a group other than {@code except} has that externalId. */
	boolean externalIdTaken(String externalId, UUID except);

	void insert(ScimGroup group);

	/** Stores the next version; the stored one must be the one before. */
	void update(ScimGroup group);

	/** Which of these ids are visible users. */
	Set<UUID> existingUsers(Collection<UUID> userIds);

	/** The ids of every member. */
	List<UUID> memberIds(UUID groupId);

	/** Members (id and username), ordered by username. */
	List<Member> members(UUID groupId);

	/**
	 * Groups matching {@code filter} ({@code null}: all), by name.
	 * @throws dev.lanyard.provisioning.scim.ScimException {@code invalidFilter} for a
	 * filter it cannot evaluate
	 */
	Page search(Filter filter, int offset, int count);

	/** A member: the user's id and username. */
	record Member(UUID userId, String username) {

	}

	/** A page of groups and the number of all matches. */
	record Page(List<ScimGroup> groups, long total) {

		public Page {
			groups = List.copyOf(groups);
		}

	}

}
