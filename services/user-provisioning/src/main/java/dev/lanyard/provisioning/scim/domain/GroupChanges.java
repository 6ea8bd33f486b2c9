package dev.lanyard.provisioning.scim.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanyard.provisioning.scim.ScimException;

/**
 * What a Group body or PATCH asks for, as the few changes this service can make without
 * loading the members: the name, the externalId, members to add, members to remove, or
 * the whole member list. Member removal is read both ways Entra sends it:
 * {@code path: members[value eq "…"]} and {@code path: members} with a value list.
 *
 * @param displayName the new name, {@code null} to keep it
 * @param externalId the new externalId; only meaningful when {@code externalIdSet}
 * @param externalIdSet whether the externalId is set (to a value or removed)
 * @param add member ids to add
 * @param remove member ids to remove
 * @param replaceMembers the complete member list, or {@code null} to keep it
 * @param removeAllMembers whether every member is removed first
 */
public record GroupChanges(String displayName, String externalId, boolean externalIdSet, Set<String> add,
		Set<String> remove, Set<String> replaceMembers, boolean removeAllMembers) {

	/** Most members one operation (or a POST/PUT) may name. */
	public static final int MAX_MEMBERS = 1000;

	private static final Set<String> READ_ONLY = Set.of("meta");

	public GroupChanges {
		add = Set.copyOf(add);
		remove = Set.copyOf(remove);
		replaceMembers = (replaceMembers != null) ? Set.copyOf(replaceMembers) : null;
	}

	/**
	 * A POST or PUT body: the name is required, the members replace the current ones.
	 * @param id the group's id for a PUT (a different {@code id} in the body is refused),
	 * {@code null} for a POST
	 */
	public static GroupChanges fromResource(Map<String, Object> resource, String id) {
		Builder changes = new Builder();
		changes.replace = new LinkedHashSet<>();
		changes.externalIdSet = true;
		for (Map.Entry<String, Object> entry : resource.entrySet()) {
			String key = entry.getKey().toLowerCase(Locale.ROOT);
			switch (key) {
				case "schemas", "meta" -> {
				}
				case "id" -> checkId(entry.getValue(), id);
				default -> changes.set(FilterParser.parsePath(entry.getKey()), PatchOperation.Op.REPLACE,
						entry.getValue(), id);
			}
		}
		if (changes.displayName == null) {
			throw ScimException.invalidValue("displayName is required");
		}
		return changes.build();
	}

	public static GroupChanges fromPatch(List<PatchOperation> operations, String id) {
		Builder changes = new Builder();
		for (PatchOperation operation : operations) {
			if (operation.path() == null) {
				throw ScimException.invalidValue("An operation without a path needs an object value");
			}
			changes.set(operation.path(), operation.op(), operation.value(), id);
		}
		return changes.build();
	}

	private static void checkId(Object value, String id) {
		if (value != null && id != null && !id.equalsIgnoreCase(String.valueOf(value))) {
			throw ScimException.mutability("id is read-only and cannot be changed");
		}
	}

	/**
	 * Collects changes in order; a later operation on the members works on the earlier
	 * result.
	 */
	private static final class Builder {

		String displayName;

		String externalId;

		boolean externalIdSet;

		final Set<String> add = new LinkedHashSet<>();

		final Set<String> remove = new LinkedHashSet<>();

		Set<String> replace;

		boolean removeAll;

		void set(AttributePath path, PatchOperation.Op op, Object value, String id) {
			if (path.schema() != null && !path.schema().equalsIgnoreCase(ScimSchemas.GROUP)) {
				return; // an extension schema this service does not know
			}
			String attribute = path.attribute().toLowerCase(Locale.ROOT);
			if (READ_ONLY.contains(attribute)) {
				throw ScimException.mutability(path.attribute() + " is read-only");
			}
			switch (attribute) {
				case "id" -> {
					if (op == PatchOperation.Op.REMOVE) {
						throw ScimException.mutability("id is read-only");
					}
					checkId(value, id);
				}
				case "displayname" -> {
					if (op == PatchOperation.Op.REMOVE || !(value instanceof String name) || name.isBlank()) {
						throw ScimException.invalidValue("displayName must be a non-blank string");
					}
					this.displayName = name;
				}
				case "externalid" -> {
					if (op != PatchOperation.Op.REMOVE && value != null && !(value instanceof String)) {
						throw ScimException.invalidValue("externalId must be a string");
					}
					this.externalId = (op == PatchOperation.Op.REMOVE) ? null : (String) value;
					this.externalIdSet = true;
				}
				case "members" -> members(path, op, value);
				default ->
					throw ScimException.invalidPath("The Group schema has no attribute '" + path.attribute() + "'");
			}
		}

		private void members(AttributePath path, PatchOperation.Op op, Object value) {
			if (path.subAttribute() != null) {
				throw ScimException.invalidPath("members' sub-attributes cannot be changed one by one");
			}
			if (path.valueFilter() != null) {
				if (op != PatchOperation.Op.REMOVE) {
					throw ScimException.invalidPath("members[…] can only be removed");
				}
				removeMembers(filteredIds(path.valueFilter()));
				return;
			}
			List<String> ids = (value != null) ? ids(value) : List.of();
			switch (op) {
				case ADD -> {
					this.remove.removeAll(ids);
					if (this.replace != null) {
						this.replace.addAll(ids);
					}
					else {
						this.add.addAll(ids);
					}
				}
				case REPLACE -> {
					this.replace = new LinkedHashSet<>(ids);
					this.add.clear();
					this.remove.clear();
				}
				case REMOVE -> {
					if (value == null) {
						// RFC 7644 §3.5.2.2: without a filter every member goes
						this.replace = new LinkedHashSet<>();
						this.add.clear();
						this.remove.clear();
						this.removeAll = true;
					}
					else {
						removeMembers(ids);
					}
				}
			}
		}

		private void removeMembers(List<String> ids) {
			if (this.replace != null) {
				ids.forEach(this.replace::remove);
			}
			else {
				ids.forEach(this.add::remove);
				this.remove.addAll(ids);
			}
		}

		/** {@code value eq "x"}, or several joined by {@code or}. */
		private static List<String> filteredIds(Filter filter) {
			List<String> ids = new ArrayList<>();
			collect(filter, ids);
			if (ids.size() > MAX_MEMBERS) {
				throw ScimException.tooMany("One operation may name at most " + MAX_MEMBERS + " members");
			}
			return ids;
		}

		private static void collect(Filter filter, List<String> ids) {
			if (filter instanceof Filter.Or or) {
				collect(or.left(), ids);
				collect(or.right(), ids);
			}
			else if (filter instanceof Filter.Compare compare && compare.path().is("value")
					&& compare.path().subAttribute() == null && compare.operator() == Filter.Operator.EQ
					&& compare.value() instanceof String id) {
				ids.add(id);
			}
			else {
				throw ScimException.invalidFilter("members can be selected only by value eq \"<id>\" (joined by or)");
			}
		}

		private static List<String> ids(Object value) {
			List<?> list = (value instanceof List<?> many) ? many : List.of(value);
			if (list.size() > MAX_MEMBERS) {
				throw ScimException.tooMany("One operation may name at most " + MAX_MEMBERS + " members");
			}
			List<String> ids = new ArrayList<>();
			for (Object member : list) {
				if (!(member instanceof Map<?, ?> map)
						|| !(PatchRequest.caseInsensitive(PatchRequest.cast(map), "value") instanceof String id)) {
					throw ScimException.invalidValue("Each member must be an object with a string value");
				}
				ids.add(id);
			}
			return ids;
		}

		GroupChanges build() {
			return new GroupChanges(this.displayName, this.externalId, this.externalIdSet, this.add, this.remove,
					this.replace, this.removeAll);
		}

	}

}
