package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets the federation grants through without client authentication, and nothing else: the
 * presented JWT is the credential (as in workload identity federation). A token request
 * of those grants that carries no client credentials at all is authenticated as the
 * built-in public client {@value #CLIENT_ID}, which exists only in memory (no secret, in
 * no repository) and which only the federation grant's provider accepts. A request with
 * credentials is authenticated as before, and that client recorded as the actor; one that
 * fails to authenticate, or names another client's {@code client_id} without its
 * credentials, is refused ({@code invalid_client}), never the public client. Every other
 * grant still needs an authenticated client.
 */
public final class FederationClientAuthentication {

	/** The built-in public client of unauthenticated federation requests. */
	public static final String CLIENT_ID = "lanyard-federation";

	private final RegisteredClient client = RegisteredClient.withId(CLIENT_ID)
		.clientId(CLIENT_ID)
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
		.authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
		.build();

	private final AuthenticationConverter converter = this::convert;

	private final AuthenticationProvider provider = new Provider();

	/** Whether the registered client is the built-in one (by identity, not by id). */
	public boolean isBuiltIn(RegisteredClient registeredClient) {
		return registeredClient == this.client;
	}

	/** For {@code clientAuthentication.authenticationConverters(...)}: tried last. */
	public void addConverter(List<AuthenticationConverter> converters) {
		converters.addLast(this.converter);
	}

	/** For {@code clientAuthentication.authenticationProviders(...)}: tried first. */
	public void addProvider(List<AuthenticationProvider> providers) {
		providers.addFirst(this.provider);
	}

	private Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !FederationGrants.isFederation(request)
				|| request.getHeader("Authorization") != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE) != null
				|| namesAnotherClient(request)) {
			return null;
		}
		return new Unauthenticated();
	}

	/**
	 * A {@code client_id} other than the built-in one claims a client's identity without
	 * proving it (RFC 6749 §3.2.1: a confidential client authenticates): that request
	 * gets {@code invalid_client}, not the public client.
	 */
	private static boolean namesAnotherClient(HttpServletRequest request) {
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		return clientIds != null && Arrays.stream(clientIds).anyMatch((clientId) -> !CLIENT_ID.equals(clientId));
	}

	/** The marker of a request this class converted; nothing else can create one. */
	private static final class Unauthenticated extends OAuth2ClientAuthenticationToken {

		Unauthenticated() {
			super(CLIENT_ID, ClientAuthenticationMethod.NONE, null, null);
		}

	}

	private final class Provider implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			if (!(authentication instanceof Unauthenticated)) {
				return null;
			}
			return new OAuth2ClientAuthenticationToken(FederationClientAuthentication.this.client,
					ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return Unauthenticated.class.isAssignableFrom(authentication);
		}

	}

}
