package dev.lanyard.tokenbroker.federation.application;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Signs the Lanyard tokens an accepted federation token becomes. */
public interface FederatedTokenSigner {

	/** A {@code user-federated} access token for the user. */
	SignedToken signUser(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt);

	/**
	 * The scopes the content client may be granted, or empty when no content client has
	 * this id.
	 */
	Optional<Set<String>> contentScopes(String contentId);

	/**
	 * A {@code content-session} token for the content client, exactly like its
	 * client-credentials token, living no later than {@code notAfter}; empty when the
	 * content client is gone.
	 */
	Optional<SignedToken> signContent(String contentId, Set<String> scopes, Instant notAfter);

}
