package dev.lanyard.provisioning.scim.auth;

import java.util.UUID;

/**
 * The identity provider behind a {@code /scim/v2} request, as
 * {@link ScimClientAuthentication#getPrincipal()} gives it.
 *
 * @param id the client's id
 * @param name the provider's name as the administrator registered it ({@code okta})
 */
public record ScimClient(UUID id, String name) {

	public ScimClient {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name cannot be blank");
		}
	}

	/** The actor id SCIM changes are recorded under: {@code scim-client:<name>}. */
	public String actorId() {
		return "scim-client:" + this.name;
	}

}
