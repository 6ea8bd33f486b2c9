package dev.lanyard.platform.security;

/**
 * The names of the claims Lanyard's own tokens carry beyond the registered JWT claims
 * ({@code iss}, {@code sub}, {@code aud}, …): declared once, for the service that signs
 * them (token-broker) and the services that read them.
 */
public final class TokenClaims {

	/** The roles of the token's subject: a client's kind, or a user's role. */
	public static final String ROLES = "roles";

	/**
	 * Which kind of Lanyard token it is ({@code content-session}, {@code user-session},
	 * {@code user-connections}, {@code internal-service}); resource servers decide by it.
	 */
	public static final String TOKEN_TYPE = "lanyard_token_type";

	/** The granted scopes, space-separated (RFC 9068 §2.2.3). */
	public static final String SCOPE = "scope";

	/** The one client that may exchange a user session token (RFC 8693 §4.4). */
	public static final String MAY_ACT = "may_act";

	/** The subject member of {@link #MAY_ACT}. */
	public static final String MAY_ACT_SUBJECT = "sub";

	/** The gateway's browser session a user token was minted in; it ends with it. */
	public static final String SESSION_ID = "sid";

	/** The signed-in user's username. */
	public static final String USERNAME = "username";

	/** The ids of the groups the signed-in user is in. */
	public static final String GROUPS = "groups";

	private TokenClaims() {
	}

}
