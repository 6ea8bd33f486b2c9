package dev.lanyard.tokenbroker.federation.application;

import java.time.Instant;

/** Remembers the presented tokens' {@code jti} across every token-broker instance. */
public interface ReplayCache {

	/**
	 * Whether this is the first use of the issuer's {@code jti}; remembers it until
	 * {@code keepUntil}, after which the token could not be accepted anyway.
	 */
	boolean firstUse(String issuer, String jti, Instant keepUntil);

}
