package dev.lanyard.provisioning.scim.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An identity provider authenticated by its SCIM bearer secret. Its name is the actor id
 * to record SCIM changes under ({@code scim-client:okta}); it never holds the secret.
 */
public final class ScimClientAuthentication extends AbstractAuthenticationToken {

	/** The one authority every {@code /scim/v2} request needs. */
	public static final String SCIM_CLIENT = "SCIM_CLIENT";

	private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority(SCIM_CLIENT));

	private final ScimClient client;

	public ScimClientAuthentication(ScimClient client) {
		super(AUTHORITIES);
		if (client == null) {
			throw new IllegalArgumentException("client cannot be null");
		}
		this.client = client;
		setAuthenticated(true);
	}

	@Override
	public ScimClient getPrincipal() {
		return this.client;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.client.actorId();
	}

}
