package dev.lanyard.tokenbroker.sessions.application;

import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

/**
 * What a token minted from a browser session is for; each kind is taken by one API only,
 * so a token of one kind opens nothing meant for another.
 */
public enum UserTokenKind {

	/** A user session token: held by one content item, exchanged at token-broker. */
	CONTENT(TokenIssuance.USER_SESSION),

	/** The gateway's relay to token-broker's connections API. */
	CONNECTIONS(TokenIssuance.USER_CONNECTIONS),

	/** The gateway's relay to audit's query API, for auditors only. */
	AUDIT(TokenIssuance.USER_AUDIT);

	private final String tokenType;

	UserTokenKind(String tokenType) {
		this.tokenType = tokenType;
	}

	/** The {@code lanyard_token_type} the token carries and the trail records. */
	public String tokenType() {
		return this.tokenType;
	}

}
