package dev.lanyard.provisioning.directory.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.User;

/** Where users are kept. Reads "for update" lock the user until the transaction ends. */
public interface UserStore {

	Optional<User> find(UUID id);

	Optional<User> findForUpdate(UUID id);

	/**
	 * The user the identity provider with this issuer knows by {@code uniqueId}. A unique
	 * id means something only at its issuer: a user is never bound to another provider's
	 * sign-in, even one created ahead without an issuer (only releases before issuers
	 * were required made such users).
	 */
	Optional<User> findByIdentityForUpdate(String issuer, String uniqueId);

	/** Whether a user other than {@code except} has that username, ignoring case. */
	boolean usernameTaken(String username, UUID except);

	/** Whether a user with that identity exists; {@code issuer} may be {@code null}. */
	boolean identityTaken(String issuer, String uniqueId);

	void insert(User user);

	void update(User user);

	/**
	 * Users whose username, email or name contains {@code query} (ignoring case; every
	 * user when {@code null}), ordered by username, after {@code after} when given.
	 */
	List<User> search(String query, int limit, UserCursor after);

	/** Members of a group, ordered by username. */
	List<User> membersOf(UUID groupId);

	/**
	 * Where a page of users ends.
	 *
	 * @param username the last username, lower case
	 * @param id the last user's id
	 */
	record UserCursor(String username, UUID id) {

		public UserCursor {
			if (username == null || id == null) {
				throw new IllegalArgumentException("username and id cannot be null");
			}
		}

	}

}
