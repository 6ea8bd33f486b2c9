package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.delegation.application.Delegation;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedToken;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedTokenCommand;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredentialCommand;
import dev.lanyard.tokenbroker.exchange.application.IssueViewerCredential;
import dev.lanyard.tokenbroker.exchange.application.IssueViewerCredentialCommand;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.SessionNotEndedValidator;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RFC 8693 token exchange for an external access token: a content session token for a
 * service-account integration, or a user session token for a viewer integration, or for a
 * service-account integration (backend mapping: the service account's credential,
 * recorded as acting for the user). With an {@code actor_token}, a delegation: a user
 * session token and the content's own content session token for a Lanyard token that says
 * the content acts for the user ({@link IssueDelegatedToken}). The subject token must be
 * signed by this service's keys, carry its issuer, be unexpired and be of the type named.
 * The client must always authenticate: a subject token alone is a bearer credential that
 * may have leaked. A content session token must name a content client that still exists,
 * and the client must be that content. A user session token must have been minted for the
 * authenticating content client ({@code may_act}), which is recorded as the actor.
 */
public final class TokenExchangeAuthenticationProvider implements AuthenticationProvider {

	/** Subject token type of content session tokens. */
	public static final String CONTENT_SESSION_TYPE = "urn:lanyard:params:oauth:token-type:content-session";

	private static final String SESSION_ENDED = "The session the subject token was minted for has ended";

	/** Subject token type of user session tokens. */
	public static final String USER_SESSION_TYPE = "urn:lanyard:params:oauth:token-type:user-session";

	private final JwtDecoder subjectTokens;

	private final RegisteredClientRepository clients;

	private final IssueServiceAccountCredential serviceAccountCredentials;

	private final IssueViewerCredential viewerCredentials;

	private final EndedSessions endedSessions;

	private final IssueDelegatedToken delegations;

	public TokenExchangeAuthenticationProvider(JwtDecoder subjectTokens, RegisteredClientRepository clients,
			IssueServiceAccountCredential serviceAccountCredentials, IssueViewerCredential viewerCredentials,
			EndedSessions endedSessions, IssueDelegatedToken delegations) {
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
		if (endedSessions == null) {
			throw new IllegalArgumentException("endedSessions cannot be null");
		}
		if (delegations == null) {
			throw new IllegalArgumentException("delegations cannot be null");
		}
		this.viewerCredentials = viewerCredentials;
		this.endedSessions = endedSessions;
		this.delegations = delegations;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		TokenExchangeAuthenticationToken request = (TokenExchangeAuthenticationToken) authentication;
		RegisteredClient client = authenticatedClient(request);
		if (request.getActorToken() != null) {
			return delegate(request, client);
		}
		if (USER_SESSION_TYPE.equals(request.getSubjectTokenType())) {
			return exchangeUserSession(request, client);
		}
		if (!CONTENT_SESSION_TYPE.equals(request.getSubjectTokenType())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST,
					"subject_token_type must be " + CONTENT_SESSION_TYPE + " or " + USER_SESSION_TYPE);
		}
		Jwt subject = verify(request.getSubjectToken(), TokenIssuance.CONTENT_SESSION);
		RegisteredClient content = contentClient(subject.getSubject());
		if (!content.getClientId().equals(client.getClientId())) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token was issued to another client");
		}
		CredentialExchange exchange = this.serviceAccountCredentials
			.issue(new IssueServiceAccountCredentialCommand(content.getClientId(), request.getAudience(),
					request.getScopes(), client.getClientId(), request.getCorrelationId()));
		return answer(request, content, exchange);
	}

	/**
	 * A user session token for a viewer integration: the authenticating client must be
	 * the content item the token was minted for; it is recorded as the actor and must be
	 * associated with the integration. For a service-account integration: backend
	 * mapping, the content's own service-account credential, recorded as acting for the
	 * user.
	 */
	private Authentication exchangeUserSession(TokenExchangeAuthenticationToken request, RegisteredClient client) {
		Jwt subject = verifiedUserSession(request, client);
		CredentialExchange exchange = this.serviceAccountCredentials.serves(request.getAudience())
				? this.serviceAccountCredentials.issue(new IssueServiceAccountCredentialCommand(client.getClientId(),
						request.getAudience(), request.getScopes(), client.getClientId(), request.getCorrelationId(),
						subject.getSubject()))
				// the session id: a delegated viewer integration uses that session's
				// upstream token
				: this.viewerCredentials.issue(new IssueViewerCredentialCommand(subject.getSubject(),
						request.getAudience(), request.getScopes(), client.getClientId(), request.getCorrelationId(),
						subject.getClaimAsString(TokenClaims.SESSION_ID)));
		return answer(request, client, exchange);
	}

	/**
	 * Delegation: the subject a user session token for this client (its session not
	 * ended), the actor this client's own content session token; the use case checks
	 * {@code may_act}, audience, scopes and the user, and records every refusal.
	 */
	private Authentication delegate(TokenExchangeAuthenticationToken request, RegisteredClient client) {
		if (!USER_SESSION_TYPE.equals(request.getSubjectTokenType())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST,
					"A delegation's subject_token_type must be " + USER_SESSION_TYPE);
		}
		Jwt subject = verifiedUserSession(request, client);
		Actor subjectActor;
		try {
			subjectActor = Actor.fromClaim(subject.getClaim(Actor.CLAIM));
		}
		catch (IllegalArgumentException ex) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token's act claim is malformed");
		}
		String actorSubject = CONTENT_SESSION_TYPE.equals(request.getActorTokenType())
				? verifiedActor(request.getActorToken()) : null;
		IssueDelegatedTokenCommand command = new IssueDelegatedTokenCommand(subject.getSubject(),
				subject.getClaimAsString(TokenClaims.SESSION_ID), scopes(subject), subject.getExpiresAt(), subjectActor,
				mayAct(subject), actorSubject, client.getClientId(), request.getAudience(), request.getScopes(),
				request.getCorrelationId());
		if (!CONTENT_SESSION_TYPE.equals(request.getActorTokenType())) {
			return answer(request, client, this.delegations.refuse(command, Delegation.Refusal.ACTOR_TOKEN_TYPE,
					"actor_token_type must be " + CONTENT_SESSION_TYPE));
		}
		if (actorSubject == null) {
			return answer(request, client, this.delegations.refuse(command, Delegation.Refusal.ACTOR_TOKEN_INVALID,
					"The actor token is invalid or expired"));
		}
		return answer(request, client, this.delegations.issue(command));
	}

	private static Authentication answer(TokenExchangeAuthenticationToken request, RegisteredClient client,
			Delegation delegation) {
		return switch (delegation) {
			case Delegation.Issued issued ->
				new RecordedAccessTokenAuthenticationToken(client, (Authentication) request.getPrincipal(),
						new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, issued.tokenValue(),
								issued.issuedAt(), issued.expiresAt(), issued.scopes()),
						Map.of("issued_token_type", TokenExchangeAuthenticationConverter.ACCESS_TOKEN_TYPE),
						request.getCorrelationId());
			case Delegation.Refused refused -> throw error(refused.reason().error(), refused.description());
			case Delegation.Unavailable unavailable ->
				throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, unavailable.description());
		};
	}

	/**
	 * The actor token's {@code sub} when it is a valid content session token, else null.
	 */
	private String verifiedActor(String token) {
		try {
			Jwt actor = this.subjectTokens.decode(token);
			boolean contentSession = TokenIssuance.CONTENT_SESSION
				.equals(actor.getClaimAsString(TokenClaims.TOKEN_TYPE))
					&& ServiceTokens.ACCESS_TOKEN_TYP.equals(actor.getHeaders().get("typ"));
			return contentSession ? actor.getSubject() : null;
		}
		catch (JwtException ex) {
			return null;
		}
	}

	private static Set<String> scopes(Jwt token) {
		String scope = token.getClaimAsString(TokenClaims.SCOPE);
		return (scope == null) ? Set.of()
				: Arrays.stream(scope.split(" ")).filter((s) -> !s.isEmpty()).collect(Collectors.toSet());
	}

	/**
	 * A verified user session token, for a content client; for a plain exchange it must
	 * also name this client in {@code may_act} (a delegation records that refusal).
	 */
	private Jwt verifiedUserSession(TokenExchangeAuthenticationToken request, RegisteredClient client) {
		Jwt subject = verify(request.getSubjectToken(), TokenIssuance.USER_SESSION);
		if (subject.getSubject() == null || subject.getSubject().isBlank()) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token names no user");
		}
		if (!ClientKind.CONTENT.value()
			.equals(client.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING))) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "Only content clients may exchange user session tokens");
		}
		if (request.getActorToken() == null && !client.getClientId().equals(mayAct(subject))) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token was not issued for this client");
		}
		// checked here too: a verified subject token is remembered for its lifetime
		String sessionId = subject.getClaimAsString(TokenClaims.SESSION_ID);
		if (sessionId == null || this.endedSessions.ended(sessionId)) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, SESSION_ENDED);
		}
		return subject;
	}

	private static RegisteredClient authenticatedClient(TokenExchangeAuthenticationToken request) {
		if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
				&& client.getRegisteredClient() != null) {
			return client.getRegisteredClient();
		}
		throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication is required");
	}

	/** The {@code sub} of the token's {@code may_act} claim, or {@code null}. */
	private static String mayAct(Jwt subject) {
		Object mayAct = subject.getClaim(TokenClaims.MAY_ACT);
		return (mayAct instanceof Map<?, ?> actor && actor.get(TokenClaims.MAY_ACT_SUBJECT) instanceof String sub) ? sub
				: null;
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
		catch (JwtValidationException ex) {
			if (ex.getErrors().contains(SessionNotEndedValidator.ENDED)) {
				throw error(OAuth2ErrorCodes.INVALID_GRANT, SESSION_ENDED);
			}
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token is invalid or expired");
		}
		catch (JwtException ex) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token is invalid or expired");
		}
		String typ = TokenIssuance.USER_SESSION.equals(expectedType) ? ServiceTokens.USER_SESSION_TYP
				: ServiceTokens.ACCESS_TOKEN_TYP;
		if (!expectedType.equals(jwt.getClaimAsString(TokenClaims.TOKEN_TYPE))
				|| !typ.equals(jwt.getHeaders().get("typ"))) {
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
