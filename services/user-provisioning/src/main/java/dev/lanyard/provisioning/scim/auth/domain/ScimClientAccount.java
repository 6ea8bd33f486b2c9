package dev.lanyard.provisioning.scim.auth.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.lanyard.provisioning.scim.auth.ScimClient;

/**
 * A registered SCIM client as administrators see it: never its secret.
 *
 * @param id its id
 * @param name the provider's name, unique among clients not revoked
 * @param createdAt when it was created
 * @param rotatedAt when its secret was last replaced, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when a request last authenticated with it (to the minute), or
 * {@code null}
 */
public record ScimClientAccount(UUID id, String name, Instant createdAt, Instant rotatedAt, Instant revokedAt,
		Instant lastUsedAt) {

	/**
	 * Lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a
	 * letter or digit: the name appears in every actor id ({@code scim-client:okta}).
	 */
	public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	public ScimClientAccount {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("name must match " + NAME.pattern());
		}
		if (createdAt == null) {
			throw new IllegalArgumentException("createdAt cannot be null");
		}
	}

	public boolean revoked() {
		return this.revokedAt != null;
	}

	public ScimClient client() {
		return new ScimClient(this.id, this.name);
	}

}
