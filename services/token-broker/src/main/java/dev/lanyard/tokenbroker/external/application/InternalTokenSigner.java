package dev.lanyard.tokenbroker.external.application;

import java.time.Instant;

/** Signs the short-lived tokens token-broker presents to other Lanyard services. */
public interface InternalTokenSigner {

	/** A token with subject and role {@code token-broker} for the audience. */
	String sign(String audience, String tokenId, Instant issuedAt, Instant expiresAt);

}
