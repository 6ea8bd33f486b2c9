package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Writes the token response only after the issuance is in the audit trail. If the trail
 * does not acknowledge in time, no token is written: an
 * {@link OAuth2AuthenticationException} with {@code temporarily_unavailable} goes to the
 * token endpoint's error handler, which answers 503 (see
 * {@link OAuth2ErrorResponseHandler}).
 * <p>
 * Grants whose use cases record their own issuance (user session tokens, token exchange)
 * hand over a {@link RecordedAccessTokenAuthenticationToken}, which is written as it is.
 * <p>
 * The event is built from the exact token about to be returned (its value for the digest,
 * its claims for {@code jti} and audience), so the record cannot drift from the
 * credential.
 */
public final class AuditedAccessTokenResponseHandler implements AuthenticationSuccessHandler {

	/** The error description of a refused token; says what to do, reveals nothing. */
	static final String UNAVAILABLE_DESCRIPTION = "The audit trail is unavailable, so no token was issued; retry later";

	private static final Logger log = LoggerFactory.getLogger(AuditedAccessTokenResponseHandler.class);

	private final IssuanceAuditTrail auditTrail;

	private final AuthenticationSuccessHandler delegate;

	private final Clock clock;

	public AuditedAccessTokenResponseHandler(IssuanceAuditTrail auditTrail, Clock clock) {
		this(auditTrail, new OAuth2AccessTokenResponseAuthenticationSuccessHandler(), clock);
	}

	public AuditedAccessTokenResponseHandler(IssuanceAuditTrail auditTrail, AuthenticationSuccessHandler delegate,
			Clock clock) {
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.auditTrail = auditTrail;
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!(authentication instanceof OAuth2AccessTokenAuthenticationToken accessTokenAuthentication)) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "Unable to process the access token response");
		}
		if (authentication instanceof RecordedAccessTokenAuthenticationToken recorded) {
			// its grant recorded it already, before handing it here
			response.setHeader(CorrelationIds.HEADER, recorded.correlationId());
			this.delegate.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		String correlationId = CorrelationIds.of(request);
		response.setHeader(CorrelationIds.HEADER, correlationId);
		TokenIssuance issuance = describe(accessTokenAuthentication,
				request.getParameter(OAuth2ParameterNames.GRANT_TYPE), correlationId);
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused {} token {} for client {}: {}", issuance.tokenType(), issuance.tokenId(),
					issuance.subjectId(), ex.getMessage());
			throw error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, UNAVAILABLE_DESCRIPTION);
		}
		log.debug("Issued {} token {} for client {}", issuance.tokenType(), issuance.tokenId(), issuance.subjectId());
		this.delegate.onAuthenticationSuccess(request, response, authentication);
	}

	private TokenIssuance describe(OAuth2AccessTokenAuthenticationToken authentication, String grantType,
			String correlationId) {
		// Fail closed: a grant without an audit mapping hands out nothing.
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue().equals(grantType)) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "No audit record is defined for this grant");
		}
		RegisteredClient client = authentication.getRegisteredClient();
		OAuth2AccessToken token = authentication.getAccessToken();
		JWTClaimsSet claims = claims(token.getTokenValue());
		String clientId = client.getClientId();
		String kind = client.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING);
		String contentId = ClientKind.CONTENT.value().equals(kind) ? clientId : null;
		return new TokenIssuance(Ids.uuid(), this.clock.instant(), correlationId, claims.getJWTID(),
				TokenDigest.sha256Hex(token.getTokenValue()), TokenIssuance.CONTENT_SESSION, clientId, "content",
				contentId, List.copyOf(new TreeSet<>(token.getScopes())), claims.getAudience(), grantType,
				claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
	}

	private static JWTClaimsSet claims(String tokenValue) {
		try {
			JWTClaimsSet claims = JWTParser.parse(tokenValue).getJWTClaimsSet();
			if (claims.getJWTID() == null || claims.getIssueTime() == null || claims.getExpirationTime() == null) {
				throw error(OAuth2ErrorCodes.SERVER_ERROR, "The access token lacks jti, iat or exp");
			}
			return claims;
		}
		catch (ParseException ex) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "The access token is not a JWT");
		}
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
