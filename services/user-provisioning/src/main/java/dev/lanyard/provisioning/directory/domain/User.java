package dev.lanyard.provisioning.directory.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A Lanyard user. Immutable: every change returns the changed user with its version
 * increased by one.
 *
 * @param id Lanyard's id
 * @param username unique ignoring case
 * @param issuer the identity provider's issuer, {@code null} until known
 * @param uniqueId the identity provider's id for the person, {@code null} for a user
 * created otherwise
 * @param email may be {@code null}
 * @param firstName may be {@code null}
 * @param lastName may be {@code null}
 * @param role what the user may do
 * @param locked a locked user cannot sign in and gets no tokens
 * @param active an inactive (deactivated) user cannot sign in
 * @param claimedFields fields the identity provider supplies, refreshed at sign-in
 * @param version increases with every change
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param lastLoginAt last accepted sign-in, {@code null} before the first
 * @param deactivation why and when the user was deactivated, {@code null} while active
 * @param deletedAt when the user was deleted: hidden from lists and lookups but kept, so
 * the audit history about it keeps its meaning; {@code null} unless deleted
 */
public record User(UUID id, String username, String issuer, String uniqueId, String email, String firstName,
		String lastName, Role role, boolean locked, boolean active, Set<ProfileField> claimedFields, long version,
		Instant createdAt, Instant updatedAt, Instant lastLoginAt, Deactivation deactivation, Instant deletedAt) {

	/** Reason of a deletion, on its {@link Deactivation}. */
	public static final String DELETED = "deleted";

	public User {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("username cannot be blank");
		}
		if (issuer != null && uniqueId == null) {
			throw new IllegalArgumentException("issuer needs a uniqueId");
		}
		if (role == null) {
			throw new IllegalArgumentException("role cannot be null");
		}
		if (version < 1) {
			throw new IllegalArgumentException("version must be positive");
		}
		if (createdAt == null || updatedAt == null) {
			throw new IllegalArgumentException("createdAt and updatedAt cannot be null");
		}
		if (active != (deactivation == null)) {
			throw new IllegalArgumentException("an inactive user needs its deactivation, an active one has none");
		}
		if (deletedAt != null && active) {
			throw new IllegalArgumentException("a deleted user cannot be active");
		}
		claimedFields = (claimedFields == null || claimedFields.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(claimedFields));
	}

	/** An active or inactive user without the details of a deactivation or deletion. */
	public User(UUID id, String username, String issuer, String uniqueId, String email, String firstName,
			String lastName, Role role, boolean locked, boolean active, Set<ProfileField> claimedFields, long version,
			Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
		this(id, username, issuer, uniqueId, email, firstName, lastName, role, locked, active, claimedFields, version,
				createdAt, updatedAt, lastLoginAt, active ? null : new Deactivation("unknown", updatedAt), null);
	}

	/** A user that does not exist yet: version 1. */
	public static User create(UUID id, String username, String issuer, String uniqueId, Profile profile, Role role,
			Instant now) {
		if (profile == null) {
			throw new IllegalArgumentException("profile cannot be null");
		}
		return new User(id, username, issuer, uniqueId, profile.email(), profile.firstName(), profile.lastName(), role,
				false, true, Set.of(), 1, now, now, null);
	}

	public boolean claims(ProfileField field) {
		return this.claimedFields.contains(field);
	}

	public Profile profile() {
		return new Profile(this.email, this.firstName, this.lastName);
	}

	/** The next version of this user with the given fields. */
	public User changed(String username, String issuer, Profile profile, Role role, boolean locked,
			Set<ProfileField> claimedFields, Instant now, Instant lastLoginAt) {
		return new User(this.id, username, issuer, this.uniqueId, profile.email(), profile.firstName(),
				profile.lastName(), role, locked, this.active, claimedFields, this.version + 1, this.createdAt, now,
				lastLoginAt, this.deactivation, this.deletedAt);
	}

	public boolean deleted() {
		return this.deletedAt != null;
	}

	/**
	 * The next version, inactive for {@code reason}; only an active user can be
	 * deactivated.
	 */
	public User deactivated(String reason, Instant now) {
		if (!this.active) {
			throw new IllegalStateException("User " + this.id + " is already inactive");
		}
		return new User(this.id, this.username, this.issuer, this.uniqueId, this.email, this.firstName, this.lastName,
				this.role, this.locked, false, this.claimedFields, this.version + 1, this.createdAt, now,
				this.lastLoginAt, new Deactivation(reason, now), null);
	}

	/** The next version, active again; a deleted user stays deleted. */
	public User reactivated(Instant now) {
		if (this.active || deleted()) {
			throw new IllegalStateException("User " + this.id + " is active or deleted");
		}
		return new User(this.id, this.username, this.issuer, this.uniqueId, this.email, this.firstName, this.lastName,
				this.role, this.locked, true, this.claimedFields, this.version + 1, this.createdAt, now,
				this.lastLoginAt, null, null);
	}

	/** The next version, deleted: an inactive user becomes hidden too. */
	public User deleted(Instant now) {
		User inactive = this.active ? deactivated(DELETED, now) : this;
		return new User(this.id, this.username, this.issuer, this.uniqueId, this.email, this.firstName, this.lastName,
				this.role, this.locked, false, this.claimedFields, this.version + 1, this.createdAt, now,
				this.lastLoginAt, inactive.deactivation(), now);
	}

	public User withRole(Role newRole, Instant now) {
		return changed(this.username, this.issuer, profile(), newRole, this.locked, this.claimedFields, now,
				this.lastLoginAt);
	}

	public User withLocked(boolean newLocked, Instant now) {
		return changed(this.username, this.issuer, profile(), this.role, newLocked, this.claimedFields, now,
				this.lastLoginAt);
	}

	/** The same user, version increased: something about it (its groups) changed. */
	public User touched(Instant now) {
		return withRole(this.role, now);
	}

	/**
	 * Why and when a user was deactivated.
	 *
	 * @param reason e.g. {@code scim-deactivated}, {@code admin-deactivated},
	 * {@code deleted}, {@code no-access-group}
	 * @param at when
	 */
	public record Deactivation(String reason, Instant at) {

		public Deactivation {
			if (reason == null || reason.isBlank() || reason.length() > 64) {
				throw new IllegalArgumentException("reason must be 1 to 64 characters");
			}
			if (at == null) {
				throw new IllegalArgumentException("at cannot be null");
			}
		}

	}

	/**
	 * Email and names.
	 *
	 * @param email may be {@code null}
	 * @param firstName may be {@code null}
	 * @param lastName may be {@code null}
	 */
	public record Profile(String email, String firstName, String lastName) {

		public static final Profile EMPTY = new Profile(null, null, null);

		public Profile with(ProfileField field, String value) {
			return switch (field) {
				case EMAIL -> new Profile(value, this.firstName, this.lastName);
				case FIRST_NAME -> new Profile(this.email, value, this.lastName);
				case LAST_NAME -> new Profile(this.email, this.firstName, value);
				case USERNAME -> throw new IllegalArgumentException("username is not part of the profile");
			};
		}

		public String get(ProfileField field) {
			return switch (field) {
				case EMAIL -> this.email;
				case FIRST_NAME -> this.firstName;
				case LAST_NAME -> this.lastName;
				case USERNAME -> throw new IllegalArgumentException("username is not part of the profile");
			};
		}

	}

}
