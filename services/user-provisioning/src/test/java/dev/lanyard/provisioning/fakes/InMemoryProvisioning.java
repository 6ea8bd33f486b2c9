package dev.lanyard.provisioning.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.signin.application.ProcessedSignIns;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.User;

/**
 * Users, groups, memberships and processed logins in memory, with transactions that
 * restore everything when the work throws.
 */
public final class InMemoryProvisioning implements ProcessedSignIns, Transactions {

	private final UserStore userStore = new Users();

	private final GroupStore groupStore = new Groups();

	private Map<UUID, User> users = new LinkedHashMap<>();

	private Map<UUID, Group> groups = new LinkedHashMap<>();

	private Set<List<UUID>> memberships = new HashSet<>();

	private Set<UUID> processed = new HashSet<>();

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		Map<UUID, User> users = new LinkedHashMap<>(this.users);
		Map<UUID, Group> groups = new LinkedHashMap<>(this.groups);
		Set<List<UUID>> memberships = new HashSet<>(this.memberships);
		Set<UUID> processed = new HashSet<>(this.processed);
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			this.users = users;
			this.groups = groups;
			this.memberships = memberships;
			this.processed = processed;
			throw ex;
		}
	}

	@Override
	public boolean markProcessed(UUID loginEventId, Instant at) {
		return this.processed.add(loginEventId);
	}

	/** A user by id, deleted or not. */
	public Optional<User> stored(UUID id) {
		return Optional.ofNullable(this.users.get(id));
	}

	public List<User> allUsers() {
		return List.copyOf(this.users.values());
	}

	public Optional<User> user(String username) {
		return this.users.values().stream().filter((u) -> u.username().equals(username)).findFirst();
	}

	public UserStore userStore() {
		return this.userStore;
	}

	public GroupStore groupStore() {
		return this.groupStore;
	}

	private final class Users implements UserStore {

		@Override
		public Optional<User> find(UUID id) {
			return Optional.ofNullable(InMemoryProvisioning.this.users.get(id)).filter((u) -> !u.deleted());
		}

		@Override
		public Optional<User> findForUpdate(UUID id) {
			return find(id);
		}

		@Override
		public Optional<User> findByIdentityForUpdate(String issuer, String uniqueId) {
			return InMemoryProvisioning.this.users.values()
				.stream()
				.filter((u) -> uniqueId.equals(u.uniqueId()) && issuer.equals(u.issuer()))
				.findFirst();
		}

		@Override
		public boolean usernameTaken(String username, UUID except) {
			return InMemoryProvisioning.this.users.values()
				.stream()
				.anyMatch((u) -> u.username().equalsIgnoreCase(username) && !u.id().equals(except) && !u.deleted());
		}

		@Override
		public boolean identityTaken(String issuer, String uniqueId) {
			return InMemoryProvisioning.this.users.values()
				.stream()
				.anyMatch((u) -> uniqueId.equals(u.uniqueId())
						&& (issuer == null || issuer.equals(u.issuer()) || u.issuer() == null));
		}

		@Override
		public void insert(User user) {
			if (InMemoryProvisioning.this.users.putIfAbsent(user.id(), user) != null) {
				throw new IllegalStateException("duplicate user " + user.id());
			}
		}

		@Override
		public void update(User user) {
			User before = InMemoryProvisioning.this.users.get(user.id());
			if (before == null || before.version() != user.version() - 1) {
				throw new IllegalStateException("User " + user.id() + " changed concurrently or is gone");
			}
			InMemoryProvisioning.this.users.put(user.id(), user);
		}

		@Override
		public List<User> search(String query, int limit, UserCursor after) {
			return InMemoryProvisioning.this.users.values()
				.stream()
				.filter((u) -> !u.deleted())
				.filter((u) -> query == null
						|| u.username().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
				.sorted(Comparator.comparing((User u) -> u.username().toLowerCase(Locale.ROOT)).thenComparing(User::id))
				.filter((u) -> after == null || u.username().toLowerCase(Locale.ROOT).compareTo(after.username()) > 0
						|| (u.username().toLowerCase(Locale.ROOT).equals(after.username())
								&& u.id().compareTo(after.id()) > 0))
				.limit(limit)
				.toList();
		}

		@Override
		public List<User> membersOf(UUID groupId) {
			return InMemoryProvisioning.this.memberships.stream()
				.filter((m) -> m.get(0).equals(groupId))
				.map((m) -> InMemoryProvisioning.this.users.get(m.get(1)))
				.filter((u) -> !u.deleted())
				.sorted(Comparator.comparing(User::username))
				.toList();
		}

	}

	private final class Groups implements GroupStore {

		@Override
		public Optional<Group> find(UUID id) {
			return Optional.ofNullable(InMemoryProvisioning.this.groups.get(id));
		}

		@Override
		public Map<String, Group> findByKeys(GroupMatching matching, Collection<String> keys) {
			Map<String, Group> found = new LinkedHashMap<>();
			for (Group group : InMemoryProvisioning.this.groups.values()) {
				String key = group.key(matching);
				if (key != null && keys.contains(key)) {
					found.put(key, group);
				}
			}
			return found;
		}

		@Override
		public boolean nameTaken(String name) {
			return InMemoryProvisioning.this.groups.values().stream().anyMatch((g) -> g.name().equals(name));
		}

		@Override
		public boolean uniqueIdTaken(String uniqueId) {
			return InMemoryProvisioning.this.groups.values().stream().anyMatch((g) -> uniqueId.equals(g.uniqueId()));
		}

		@Override
		public List<Group> all() {
			return InMemoryProvisioning.this.groups.values()
				.stream()
				.sorted(Comparator.comparing(Group::name))
				.toList();
		}

		@Override
		public void insert(Group group) {
			if (nameTaken(group.name())) {
				throw new IllegalStateException("duplicate group name " + group.name());
			}
			InMemoryProvisioning.this.groups.put(group.id(), group);
		}

		@Override
		public void delete(UUID id) {
			InMemoryProvisioning.this.groups.remove(id);
			InMemoryProvisioning.this.memberships.removeIf((m) -> m.get(0).equals(id));
		}

		@Override
		public List<Group> groupsOf(UUID userId) {
			List<Group> found = new ArrayList<>();
			for (List<UUID> membership : InMemoryProvisioning.this.memberships) {
				if (membership.get(1).equals(userId)) {
					found.add(InMemoryProvisioning.this.groups.get(membership.get(0)));
				}
			}
			found.sort(Comparator.comparing(Group::name));
			return found;
		}

		@Override
		public void addMember(UUID groupId, UUID userId, Instant at) {
			Objects.requireNonNull(InMemoryProvisioning.this.groups.get(groupId), "group");
			Objects.requireNonNull(InMemoryProvisioning.this.users.get(userId), "user");
			InMemoryProvisioning.this.memberships.add(List.of(groupId, userId));
		}

		@Override
		public void removeMember(UUID groupId, UUID userId) {
			InMemoryProvisioning.this.memberships.remove(List.of(groupId, userId));
		}

	}

}
