package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token whose browser session ({@code sid}) was signed out of. */
public final class SessionNotEndedValidator implements OAuth2TokenValidator<Jwt> {

	/** The error of a token whose session ended. */
	public static final OAuth2Error ENDED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The session this token was minted for has ended", null);

	private final EndedSessions sessions;

	public SessionNotEndedValidator(EndedSessions sessions) {
		if (sessions == null) {
			throw new IllegalArgumentException("sessions cannot be null");
		}
		this.sessions = sessions;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String sessionId = token.getClaimAsString(TokenClaims.SESSION_ID);
		return (sessionId != null && this.sessions.ended(sessionId)) ? OAuth2TokenValidatorResult.failure(ENDED)
				: OAuth2TokenValidatorResult.success();
	}

}
