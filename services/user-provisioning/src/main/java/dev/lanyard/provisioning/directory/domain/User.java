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
 */
public record User(UUID id, String username, String issuer, String uniqueId, String email, String firstName,
		String lastName, Role role, boolean locked, boolean active, Set<ProfileField> claimedFields, long version,
		Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

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
		claimedFields = (claimedFields == null || claimedFields.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(claimedFields));
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
				lastLoginAt);
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
