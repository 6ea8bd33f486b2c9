package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.Map;

import dev.lanyard.tokenbroker.federation.application.ExchangeFederatedToken;
import dev.lanyard.tokenbroker.federation.application.ExchangeFederatedTokenCommand;
import dev.lanyard.tokenbroker.federation.application.FederatedExchange;
import dev.lanyard.tokenbroker.federation.application.SignedToken;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The federation grants: hands the presented token to {@link ExchangeFederatedToken} and
 * answers in RFC 6749 §5.2's terms — {@code invalid_grant} naming the failed check
 * generically (never echoing the token), {@code invalid_request} for a malformed token,
 * {@code temporarily_unavailable} when the audit trail did not acknowledge. A client that
 * authenticated is recorded as the actor; the built-in public client is not.
 */
public final class FederationGrantAuthenticationProvider implements AuthenticationProvider {

	private final ExchangeFederatedToken exchange;

	private final FederationClientAuthentication clientAuthentication;

	public FederationGrantAuthenticationProvider(ExchangeFederatedToken exchange,
			FederationClientAuthentication clientAuthentication) {
		if (exchange == null || clientAuthentication == null) {
			throw new IllegalArgumentException("exchange and clientAuthentication cannot be null");
		}
		this.exchange = exchange;
		this.clientAuthentication = clientAuthentication;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		FederationGrantAuthenticationToken request = (FederationGrantAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed");
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		String actor = this.clientAuthentication.isBuiltIn(registeredClient) ? null : registeredClient.getClientId();
		FederatedExchange result = this.exchange
			.exchange(new ExchangeFederatedTokenCommand(request.getPresentedToken(), request.getGrantType().getValue(),
					request.getIntegrationId(), request.getScopes(), actor, request.getCorrelationId()));
		return switch (result) {
			case FederatedExchange.Issued issued -> answer(request, registeredClient, client, issued.token());
			case FederatedExchange.Refused refused ->
				throw error(refused.check().error(), FederationErrors.describe(refused.check()));
			case FederatedExchange.AuditTrailUnavailable unavailable ->
				throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
						"The audit trail is unavailable, so no token was issued; retry later");
		};
	}

	private static Authentication answer(FederationGrantAuthenticationToken request, RegisteredClient registeredClient,
			OAuth2ClientAuthenticationToken client, SignedToken token) {
		Map<String, Object> parameters = AuthorizationGrantType.TOKEN_EXCHANGE.equals(request.getGrantType())
				? Map.of("issued_token_type", FederationGrantAuthenticationConverter.ACCESS_TOKEN_TYPE) : Map.of();
		return new RecordedAccessTokenAuthenticationToken(registeredClient, client,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token.value(), token.issuedAt(),
						token.expiresAt(), token.scopes()),
				parameters, request.getCorrelationId());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return FederationGrantAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
