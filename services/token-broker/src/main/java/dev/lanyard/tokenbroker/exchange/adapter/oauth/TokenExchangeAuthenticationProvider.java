package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.util.Map;

import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.connections.application.IssueViewerCredential;
import dev.lanyard.tokenbroker.connections.application.IssueViewerCredentialCommand;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredentialCommand;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.ContentSessionTokenCustomizer;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RFC 8693 token exchange for an external access token: a content session token for a
 * service-account integration, or a user session token for a viewer integration. The
 * subject token must be signed by this service's keys, carry its issuer, be unexpired and
 * be of the type named. A content session token must name a content client that still
 * exists; a client that authenticates must be that content. For a user session token, an
 * authenticating client must be a content client (recorded as the actor).
 */
public final class TokenExchangeAuthenticationProvider implements AuthenticationProvider {

	/** Subject token type of content session tokens. */
	public static final String CONTENT_SESSION_TYPE = "urn:lanyard:params:oauth:token-type:content-session";

	/** Subject token type of user session tokens. */
	public static final String USER_SESSION_TYPE = "urn:lanyard:params:oauth:token-type:user-session";

	/**
	 * Stands for the missing client of an exchange no client authenticated for (the token
	 * response needs one); never stored or looked up.
	 */
	private static final RegisteredClient NO_CLIENT = RegisteredClient.withId("unauthenticated")
		.clientId("unauthenticated")
		.authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
		.build();

	private final JwtDecoder subjectTokens;

	private final RegisteredClientRepository clients;

	private final IssueServiceAccountCredential serviceAccountCredentials;

	private final IssueViewerCredential viewerCredentials;

	public TokenExchangeAuthenticationProvider(JwtDecoder subjectTokens, RegisteredClientRepository clients,
			IssueServiceAccountCredential serviceAccountCredentials, IssueViewerCredential viewerCredentials) {
		if (subjectTokens == null) {
			throw new IllegalArgumentException("subjectTokens cannot be null");
		}
		if (clients == null) {
			throw new IllegalArgumentException("clients cannot be null");
		}
		if (serviceAccountCredentials == null) {
			throw new IllegalArgumentException("serviceAccountCredentials cannot be null");
		}
		if (viewerCredentials == null) {
			throw new IllegalArgumentException("viewerCredentials cannot be null");
		}
		this.subjectTokens = subjectTokens;
		this.clients = clients;
		this.serviceAccountCredentials = serviceAccountCredentials;
		this.viewerCredentials = viewerCredentials;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		TokenExchangeAuthenticationToken request = (TokenExchangeAuthenticationToken) authentication;
		if (USER_SESSION_TYPE.equals(request.getSubjectTokenType())) {
			return exchangeUserSession(request);
		}
		if (!CONTENT_SESSION_TYPE.equals(request.getSubjectTokenType())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST,
					"subject_token_type must be " + CONTENT_SESSION_TYPE + " or " + USER_SESSION_TYPE);
		}
		Jwt subject = verify(request.getSubjectToken(), TokenIssuance.CONTENT_SESSION);
		RegisteredClient content = contentClient(subject.getSubject());
		if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
				&& !content.getClientId().equals(client.getRegisteredClient().getClientId())) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token was issued to another client");
		}
		String actorId = (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.isAuthenticated()) ? client.getRegisteredClient().getClientId() : null;
		CredentialExchange exchange = this.serviceAccountCredentials
			.issue(new IssueServiceAccountCredentialCommand(content.getClientId(), request.getAudience(),
					request.getScopes(), actorId, request.getCorrelationId()));
		return answer(request, content, exchange);
	}

	/**
	 * A user session token for a viewer integration. A content client that authenticates
	 * is recorded as the actor and must be associated with the integration; any other
	 * authenticated client is refused.
	 */
	private Authentication exchangeUserSession(TokenExchangeAuthenticationToken request) {
		Jwt subject = verify(request.getSubjectToken(), TokenIssuance.USER_SESSION);
		if (subject.getSubject() == null || subject.getSubject().isBlank()) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token names no user");
		}
		RegisteredClient content = null;
		if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
			content = client.getRegisteredClient();
			if (!ClientKind.CONTENT.value()
				.equals(content.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING))) {
				throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
						"Only content clients may exchange user session tokens");
			}
		}
		CredentialExchange exchange = this.viewerCredentials
			.issue(new IssueViewerCredentialCommand(subject.getSubject(), request.getAudience(), request.getScopes(),
					(content != null) ? content.getClientId() : null, request.getCorrelationId()));
		return answer(request, (content != null) ? content : NO_CLIENT, exchange);
	}

	private Authentication answer(TokenExchangeAuthenticationToken request, RegisteredClient client,
			CredentialExchange exchange) {
		return switch (exchange) {
			case CredentialExchange.Issued issued ->
				new RecordedAccessTokenAuthenticationToken(client, (Authentication) request.getPrincipal(),
						new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, issued.tokenValue(),
								issued.issuedAt(), issued.expiresAt(), issued.scopes()),
						Map.of("issued_token_type", TokenExchangeAuthenticationConverter.ACCESS_TOKEN_TYPE),
						request.getCorrelationId());
			case CredentialExchange.Denied denied ->
				throw new OAuth2AuthenticationException(new OAuth2Error(denied.reason().error(), denied.description(),
						(denied.uri() != null) ? denied.uri().toString() : null));
			case CredentialExchange.ExternalRefusal refusal -> throw error(
					TokenExchangeErrors.codeOfExternal(refusal.error()), TokenExchangeErrors.describeExternal(refusal));
			case CredentialExchange.Unavailable unavailable ->
				throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, unavailable.description());
		};
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return TokenExchangeAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Jwt verify(String token, String expectedType) {
		Jwt jwt;
		try {
			jwt = this.subjectTokens.decode(token);
		}
		catch (JwtException ex) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token is invalid or expired");
		}
		if (!expectedType.equals(jwt.getClaimAsString(ContentSessionTokenCustomizer.TOKEN_TYPE))) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token is not a " + expectedType + " token");
		}
		return jwt;
	}

	private RegisteredClient contentClient(String clientId) {
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		if (client == null || !ClientKind.CONTENT.value()
			.equals(client.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING))) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token's content client does not exist");
		}
		return client;
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
