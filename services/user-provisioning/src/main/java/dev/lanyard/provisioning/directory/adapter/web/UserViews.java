package dev.lanyard.provisioning.directory.adapter.web;

import java.time.Instant;
import java.util.List;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.application.UserDetails;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.User;

/** JSON shapes of users in the admin API. */
public final class UserViews {

	private UserViews() {
	}

	/**
	 * A user with its groups.
	 *
	 * @param claimedFields fields the identity provider supplies: not editable
	 * @param roleMapped whether the role is set by role mapping: not editable
	 */
	public record UserView(String id, String username, String uniqueId, String issuer, String email, String firstName,
			String lastName, String role, boolean roleMapped, boolean locked, boolean active, String deactivationReason,
			Instant deactivatedAt, List<String> claimedFields, List<GroupRef> groups, long version, Instant createdAt,
			Instant updatedAt, Instant lastLoginAt) {

		public static UserView of(UserDetails details, boolean roleMapped) {
			User user = details.user();
			return new UserView(user.id().toString(), user.username(), user.uniqueId(), user.issuer(), user.email(),
					user.firstName(), user.lastName(), user.role().value(), roleMapped, user.locked(), user.active(),
					(user.deactivation() != null) ? user.deactivation().reason() : null,
					(user.deactivation() != null) ? user.deactivation().at() : null,
					user.claimedFields().stream().sorted().map(ProfileField::value).toList(),
					details.groups().stream().map(GroupRef::of).toList(), user.version(), user.createdAt(),
					user.updatedAt(), user.lastLoginAt());
		}

	}

	/** A user in a listing: no groups. */
	public record UserSummary(String id, String username, String uniqueId, String email, String firstName,
			String lastName, String role, boolean locked, boolean active, Instant lastLoginAt) {

		public static UserSummary of(User user) {
			return new UserSummary(user.id().toString(), user.username(), user.uniqueId(), user.email(),
					user.firstName(), user.lastName(), user.role().value(), user.locked(), user.active(),
					user.lastLoginAt());
		}

	}

	/** A page of users; {@code nextCursor} is {@code null} on the last page. */
	public record UserPageView(List<UserSummary> users, String nextCursor) {
	}

	/** A group a user is a member of. */
	public record GroupRef(String id, String name) {

		static GroupRef of(Group group) {
			return new GroupRef(group.id().toString(), group.name());
		}

	}

}
