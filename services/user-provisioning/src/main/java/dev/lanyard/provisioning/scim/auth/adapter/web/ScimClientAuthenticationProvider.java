package dev.lanyard.provisioning.scim.auth.adapter.web;

import dev.lanyard.provisioning.scim.auth.ScimClientAuthentication;
import dev.lanyard.provisioning.scim.auth.application.AuthenticateScimClient;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Turns the bearer secret Spring Security's resource server found on a {@code /scim/v2}
 * request into a {@link ScimClientAuthentication}, or refuses it. The secret never
 * reaches an exception message.
 */
final class ScimClientAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticateScimClient clients;

	ScimClientAuthenticationProvider(AuthenticateScimClient clients) {
		if (clients == null) {
			throw new IllegalArgumentException("clients cannot be null");
		}
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
		try {
			return this.clients.authenticate(secret)
				.map(ScimClientAuthentication::new)
				.orElseThrow(() -> new InvalidBearerTokenException(ScimRefusals.SECRET_NOT_VALID));
		}
		catch (DataAccessException ex) {
			throw new AuthenticationServiceException("The SCIM client store is unavailable", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
