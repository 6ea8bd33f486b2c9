package dev.lanyard.e2e.support;

/** The grant and token type names the end-to-end tests send to /oauth2/token. */
public final class OAuthNames {

	public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	public static final String CONTENT_SESSION = "urn:lanyard:params:oauth:token-type:content-session";

	public static final String USER_SESSION = "urn:lanyard:params:oauth:token-type:user-session";

	private OAuthNames() {
	}

}
