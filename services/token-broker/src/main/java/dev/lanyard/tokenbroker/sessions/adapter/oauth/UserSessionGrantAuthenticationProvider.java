package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import java.util.Map;
import java.util.Set;

import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;
import dev.lanyard.tokenbroker.sessions.application.IssueUserSessionToken;
import dev.lanyard.tokenbroker.sessions.application.IssueUserSessionTokenCommand;
import dev.lanyard.tokenbroker.sessions.application.UserSessionIssuance;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The user-session grant: only the gateway's client named in the deployment's settings
 * may ask; a token for content names an existing content client, which alone may use it;
 * the user must be known (waiting a bounded time for the read model), neither locked nor
 * deactivated. The token is recorded in the audit trail before it is returned.
 */
public final class UserSessionGrantAuthenticationProvider implements AuthenticationProvider {

	private final IssueUserSessionToken issueUserSessionToken;

	private final RegisteredClientRepository clients;

	private final String gatewayClientId;

	/**
	 * @param gatewayClientId the configured gateway client, or {@code null} when none is
	 * configured (then every request is refused)
	 */
	public UserSessionGrantAuthenticationProvider(IssueUserSessionToken issueUserSessionToken,
			RegisteredClientRepository clients, String gatewayClientId) {
		if (issueUserSessionToken == null) {
			throw new IllegalArgumentException("issueUserSessionToken cannot be null");
		}
		if (clients == null) {
			throw new IllegalArgumentException("clients cannot be null");
		}
		this.issueUserSessionToken = issueUserSessionToken;
		this.clients = clients;
		this.gatewayClientId = gatewayClientId;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		UserSessionGrantAuthenticationToken request = (UserSessionGrantAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication is required");
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		String kind = registeredClient.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING);
		if (!ClientKind.GATEWAY.value().equals(kind) || !registeredClient.getClientId().equals(this.gatewayClientId)
				|| !registeredClient.getAuthorizationGrantTypes()
					.contains(UserSessionGrantAuthenticationToken.USER_SESSION)) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "Only the gateway may ask for user session tokens");
		}
		if (request.getContentId() != null && !isContent(request.getContentId())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "content_id names no content client");
		}
		UserSessionIssuance issuance;
		try {
			issuance = this.issueUserSessionToken.issue(new IssueUserSessionTokenCommand(registeredClient.getClientId(),
					request.getUserId(), request.getUserVersion(), request.getSessionId(), request.getLoginEventId(),
					request.getKind(), request.getContentId(), request.getCorrelationId()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, "Interrupted; retry later");
		}
		return switch (issuance) {
			case UserSessionIssuance.Issued issued -> new RecordedAccessTokenAuthenticationToken(
					registeredClient, client, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
							issued.tokenValue(), issued.issuedAt(), issued.expiresAt(), Set.of()),
					Map.of(), request.getCorrelationId());
			case UserSessionIssuance.UnknownUser unknown -> throw error(OAuth2ErrorCodes.INVALID_GRANT, "Unknown user");
			case UserSessionIssuance.Refused refused -> throw error(OAuth2ErrorCodes.INVALID_GRANT, refused.reason());
			case UserSessionIssuance.NotYetCurrent notYet -> throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
					"The user's latest state has not reached token-broker yet; retry shortly");
			case UserSessionIssuance.AuditTrailUnavailable unavailable ->
				throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
						"The audit trail is unavailable, so no token was issued; retry later");
		};
	}

	private boolean isContent(String clientId) {
		RegisteredClient content = this.clients.findByClientId(clientId);
		return content != null && ClientKind.CONTENT.value()
			.equals(content.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UserSessionGrantAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
