package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps nothing for the client-credentials grant and hands every other grant to a
 * delegate.
 * <p>
 * Spring Authorization Server saves an {@link OAuth2Authorization} for every token it
 * issues so it can later introspect or revoke it. A content session token is a signed,
 * self-contained JWT: whoever receives it checks it against the JWKS without asking us,
 * and the record of its issuance is the TokenIssued event, published and acknowledged
 * before the token leaves. Saving a row per token as well would put a database write on
 * every request (the slowest part of issuance by far) and grow a table by thousands of
 * rows a second, to duplicate what the audit trail already holds. The price: this
 * service's introspection and revocation endpoints answer "inactive" for these tokens;
 * they expire on their own after their short time to live.
 */
public final class StatelessClientCredentialsAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService otherGrants;

	public StatelessClientCredentialsAuthorizationService(OAuth2AuthorizationService otherGrants) {
		if (otherGrants == null) {
			throw new IllegalArgumentException("otherGrants cannot be null");
		}
		this.otherGrants = otherGrants;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (authorization == null) {
			throw new IllegalArgumentException("authorization cannot be null");
		}
		if (!isClientCredentials(authorization)) {
			this.otherGrants.save(authorization);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		if (authorization == null) {
			throw new IllegalArgumentException("authorization cannot be null");
		}
		if (!isClientCredentials(authorization)) {
			this.otherGrants.remove(authorization);
		}
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.otherGrants.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.otherGrants.findByToken(token, tokenType);
	}

	private static boolean isClientCredentials(OAuth2Authorization authorization) {
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType());
	}

}
