package dev.lanyard.tokenbroker.clients.domain;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registered OAuth client: a content item, an auditor or an administrator. Holds no
 * secret; the secret's hash lives only in storage.
 *
 * @param clientId the OAuth client id, also the subject of its tokens
 * @param name a human-readable name
 * @param kind what the client is
 * @param scopes the scopes it may request
 * @param createdAt when it was registered
 */
public record Client(String clientId, String name, ClientKind kind, Set<String> scopes, Instant createdAt) {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

	private static final int MAX_NAME_LENGTH = 200;

	private static final int MAX_SCOPES = 50;

	public Client {
		requireValidClientId(clientId);
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name cannot be blank");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name cannot be longer than " + MAX_NAME_LENGTH + " characters");
		}
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		if (scopes.size() > MAX_SCOPES) {
			throw new IllegalArgumentException("scopes cannot hold more than " + MAX_SCOPES + " entries");
		}
		for (String scope : scopes) {
			if (scope == null || !SCOPE.matcher(scope).matches()) {
				throw new IllegalArgumentException("scopes must be RFC 6749 scope tokens of at most 100 characters");
			}
		}
		if (createdAt == null) {
			throw new IllegalArgumentException("createdAt cannot be null");
		}
		scopes = Set.copyOf(scopes);
	}

	public static String requireValidClientId(String clientId) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw new IllegalArgumentException(
					"clientId must be 1 to 128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return clientId;
	}

}
