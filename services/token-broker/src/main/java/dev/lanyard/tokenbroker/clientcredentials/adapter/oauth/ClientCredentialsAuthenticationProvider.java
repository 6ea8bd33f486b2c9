package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.lanyard.tokenbroker.clientcredentials.application.ClientAccessTokenIssuance;
import dev.lanyard.tokenbroker.clientcredentials.application.RecordClientAccessToken;
import dev.lanyard.tokenbroker.clientcredentials.application.RecordClientAccessTokenCommand;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The client-credentials grant, as the authorization server's own provider checks it
 * (authenticated client, grant allowed, scopes through its validator) and signs it (its
 * token generator), then recorded from the claims it was signed with: the token is handed
 * on only once its TokenIssued is acknowledged, else {@code temporarily_unavailable}.
 * Nothing is stored per token: the JWT is self-contained, the event is the record (no
 * DPoP binding either: Lanyard does not offer it).
 */
public final class ClientCredentialsAuthenticationProvider implements AuthenticationProvider {

	/** The error description of a refused token; says what to do, reveals nothing. */
	static final String UNAVAILABLE_DESCRIPTION = "The audit trail is unavailable, so no token was issued; retry later";

	private final OAuth2TokenGenerator<Jwt> tokenGenerator;

	private final RecordClientAccessToken recordClientAccessToken;

	private final Consumer<OAuth2ClientCredentialsAuthenticationContext> validator = new OAuth2ClientCredentialsAuthenticationValidator();

	public ClientCredentialsAuthenticationProvider(OAuth2TokenGenerator<Jwt> tokenGenerator,
			RecordClientAccessToken recordClientAccessToken) {
		if (tokenGenerator == null) {
			throw new IllegalArgumentException("tokenGenerator cannot be null");
		}
		if (recordClientAccessToken == null) {
			throw new IllegalArgumentException("recordClientAccessToken cannot be null");
		}
		this.tokenGenerator = tokenGenerator;
		this.recordClientAccessToken = recordClientAccessToken;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		// Fail closed: a request our converter did not read carries no correlation id
		// for its record, so nothing is issued for it.
		if (!(authentication instanceof ClientCredentialsGrantAuthenticationToken request)) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "No audit record is defined for this request");
		}
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication is required");
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		if (!registeredClient.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, null);
		}
		this.validator.accept(
				OAuth2ClientCredentialsAuthenticationContext.with(request).registeredClient(registeredClient).build());
		Set<String> scopes = new LinkedHashSet<>(request.getScopes());
		Jwt jwt = this.tokenGenerator.generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(registeredClient)
			.principal(client)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes(scopes)
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrant(request)
			.build());
		if (jwt == null || jwt.getId() == null || jwt.getIssuedAt() == null || jwt.getExpiresAt() == null) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the access token");
		}
		String kind = registeredClient.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING);
		ClientAccessTokenIssuance issuance = this.recordClientAccessToken.record(new RecordClientAccessTokenCommand(
				registeredClient.getClientId(), ClientKind.fromValue(kind), jwt.getId(), jwt.getTokenValue(), scopes,
				jwt.getAudience(), jwt.getIssuedAt(), jwt.getExpiresAt(), request.getCorrelationId()));
		return switch (issuance) {
			case ClientAccessTokenIssuance.Recorded recorded -> new RecordedAccessTokenAuthenticationToken(
					registeredClient, client, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
							jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), scopes),
					Map.of(), request.getCorrelationId());
			case ClientAccessTokenIssuance.AuditTrailUnavailable unavailable ->
				throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, UNAVAILABLE_DESCRIPTION);
		};
	}

	/**
	 * Every client-credentials request, so that the authorization server's own provider
	 * (which records nothing) never issues one.
	 */
	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientCredentialsAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
