package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.sessions.application.UserSessionTokenSigner;
import dev.lanyard.tokenbroker.sessions.application.UserTokenKind;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * Signs user session tokens with the service's active key: {@code iss}, {@code sub} =
 * user id, {@code aud} = the issuer (Lanyard itself: they are presented back to Lanyard,
 * to token-broker's token exchange or through the gateway), {@code iat}, {@code nbf},
 * {@code exp}, {@code jti}, {@code roles} = [role], {@code username}, {@code groups} =
 * group ids; for content, {@code lanyard_token_type} = {@code user-session} and
 * {@code may_act} = {@code {"sub": <content client id>}} (RFC 8693 §4.4: the one client
 * that may present it); for the gateway's relay, {@code lanyard_token_type} =
 * {@code user-connections} and no {@code may_act}; for the gateway's relay to audit,
 * {@code aud} = [audit], {@code roles} = [auditor] and {@code lanyard_token_type} =
 * {@code user-audit}. The gateway's kinds are typed {@code at+jwt}.
 */
public final class JwtUserSessionTokenSigner implements UserSessionTokenSigner {

	private static final String AUDITOR = "auditor";

	private final TokenSigning signing;

	public JwtUserSessionTokenSigner(TokenSigning signing) {
		if (signing == null) {
			throw new IllegalArgumentException("signing cannot be null");
		}
		this.signing = signing;
	}

	@Override
	public String sign(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt, String sessionId,
			UserTokenKind kind, String contentId) {
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		// an audit token says only what audit checks: the reader is an auditor (the use
		// case refused anyone else)
		List<String> roles = (kind == UserTokenKind.AUDIT) ? List.of(AUDITOR) : List.of(user.role());
		JwtClaimsSet.Builder claims = this.signing.claims(user.userId(), audience(kind), tokenId, issuedAt, expiresAt)
			.claim(TokenClaims.ROLES, roles)
			.claim(TokenClaims.SESSION_ID, sessionId)
			.claim(TokenClaims.USERNAME, user.username())
			.claim(TokenClaims.GROUPS, user.groupIds().stream().sorted().toList())
			.claim(TokenClaims.TOKEN_TYPE, kind.tokenType());
		if (kind == UserTokenKind.CONTENT) {
			claims.claim(TokenClaims.MAY_ACT, Map.of(TokenClaims.MAY_ACT_SUBJECT, contentId));
		}
		String type = (kind == UserTokenKind.CONTENT) ? ServiceTokens.USER_SESSION_TYP : ServiceTokens.ACCESS_TOKEN_TYP;
		return this.signing.sign(type, claims);
	}

	@Override
	public List<String> audience(UserTokenKind kind) {
		// a user session token is exchanged here (and lists integration templates); a
		// connections token is taken by this service's connections API only, an audit
		// token by audit only
		return switch (kind) {
			case CONTENT -> List.of(ServiceTokens.TOKEN_BROKER, ServiceTokens.INTEGRATION_REGISTRY);
			case CONNECTIONS -> List.of(ServiceTokens.TOKEN_BROKER);
			case AUDIT -> List.of(ServiceTokens.AUDIT);
		};
	}

}
