package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.GrantParameters;
import dev.lanyard.tokenbroker.sessions.application.UserTokenKind;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code grant_type=urn:lanyard:params:oauth:grant-type:user-session} with
 * {@code user_id} (required), {@code user_version} (optional, a non-negative integer),
 * {@code session_id} (required: the browser session the token ends with),
 * {@code login_event_id} (required: the sign-in that began it) and what the token is for:
 * {@code requested_token_type} absent or {@value #USER_SESSION_TOKEN_TYPE} with
 * {@code content_id} naming the one content item that will hold it, or
 * {@value #USER_CONNECTIONS_TOKEN_TYPE} or {@value #USER_AUDIT_TOKEN_TYPE} without one
 * (the gateway's relays to the connections API and to audit's query API). {@code null}
 * for any other grant.
 */
public final class UserSessionGrantAuthenticationConverter implements AuthenticationConverter {

	static final String USER_ID = "user_id";

	static final String USER_VERSION = "user_version";

	static final String CONTENT_ID = "content_id";

	static final String SESSION_ID = "session_id";

	static final String LOGIN_EVENT_ID = "login_event_id";

	public static final String USER_SESSION_TOKEN_TYPE = "urn:lanyard:params:oauth:token-type:user-session";

	public static final String USER_CONNECTIONS_TOKEN_TYPE = "urn:lanyard:params:oauth:token-type:user-connections";

	public static final String USER_AUDIT_TOKEN_TYPE = "urn:lanyard:params:oauth:token-type:user-audit";

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!UserSessionGrantAuthenticationToken.USER_SESSION.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		String userId = GrantParameters.requireSingle(request, USER_ID);
		String version = GrantParameters.optionalSingle(request, USER_VERSION);
		Long userVersion = null;
		if (version != null) {
			try {
				userVersion = Long.parseLong(version);
			}
			catch (NumberFormatException ex) {
				userVersion = -1L;
			}
			if (userVersion < 0) {
				throw GrantParameters.invalidRequest("user_version must be a non-negative integer");
			}
		}
		String sessionId = GrantParameters.requireSingle(request, SESSION_ID);
		UUID loginEventId;
		try {
			loginEventId = UUID.fromString(GrantParameters.requireSingle(request, LOGIN_EVENT_ID));
		}
		catch (IllegalArgumentException ex) {
			throw GrantParameters.invalidRequest("login_event_id must be the sign-in's event id (a UUID)");
		}
		String requested = GrantParameters.optionalSingle(request, OAuth2ParameterNames.REQUESTED_TOKEN_TYPE);
		String contentId = GrantParameters.optionalSingle(request, CONTENT_ID);
		UserTokenKind kind = kind(requested);
		if (kind == UserTokenKind.CONTENT && (contentId == null || contentId.isBlank())) {
			throw GrantParameters
				.invalidRequest("content_id is required: a user session token is minted for one content item");
		}
		if (kind != UserTokenKind.CONTENT && contentId != null) {
			throw GrantParameters.invalidRequest("content_id is not taken for " + requested);
		}
		Authentication clientPrincipal = GrantParameters.clientPrincipal();
		return new UserSessionGrantAuthenticationToken(clientPrincipal, userId, userVersion, sessionId, loginEventId,
				kind, contentId, CorrelationIdFilter.of(request), Map.of());
	}

	private static UserTokenKind kind(String requested) {
		if (requested == null || USER_SESSION_TOKEN_TYPE.equals(requested)) {
			return UserTokenKind.CONTENT;
		}
		if (USER_CONNECTIONS_TOKEN_TYPE.equals(requested)) {
			return UserTokenKind.CONNECTIONS;
		}
		if (USER_AUDIT_TOKEN_TYPE.equals(requested)) {
			return UserTokenKind.AUDIT;
		}
		throw GrantParameters.invalidRequest("requested_token_type must be " + USER_SESSION_TOKEN_TYPE + ", "
				+ USER_CONNECTIONS_TOKEN_TYPE + " or " + USER_AUDIT_TOKEN_TYPE);
	}

}
