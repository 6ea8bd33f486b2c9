package dev.lanyard.gateway.signin.adapter.web;

import java.util.Optional;

import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;

/**
 * The APIs a signed-in browser reaches with its session cookie: each gets a token of its
 * own kind (held in the session under its own attributes), which no other API takes.
 */
enum RelayedApi {

	/** token-broker's viewer "connect" flow. */
	CONNECTIONS("/api/connections", UserSessionTokens.Kind.CONNECTIONS, SessionAttributes.RELAYED_TOKEN,
			SessionAttributes.RELAYED_TOKEN_EXPIRES),

	/** audit's query API, for the auditors' page; auditors only. */
	AUDIT("/api/audit", UserSessionTokens.Kind.AUDIT, SessionAttributes.AUDIT_TOKEN,
			SessionAttributes.AUDIT_TOKEN_EXPIRES);

	private final String prefix;

	private final UserSessionTokens.Kind kind;

	private final String tokenAttribute;

	private final String expiresAttribute;

	RelayedApi(String prefix, UserSessionTokens.Kind kind, String tokenAttribute, String expiresAttribute) {
		this.prefix = prefix;
		this.kind = kind;
		this.tokenAttribute = tokenAttribute;
		this.expiresAttribute = expiresAttribute;
	}

	/** The relayed API a request path belongs to, if any. */
	static Optional<RelayedApi> of(String path) {
		for (RelayedApi api : values()) {
			if (path.equals(api.prefix) || path.startsWith(api.prefix + "/")) {
				return Optional.of(api);
			}
		}
		return Optional.empty();
	}

	String prefix() {
		return this.prefix;
	}

	UserSessionTokens.Kind kind() {
		return this.kind;
	}

	String tokenAttribute() {
		return this.tokenAttribute;
	}

	String expiresAttribute() {
		return this.expiresAttribute;
	}

}
