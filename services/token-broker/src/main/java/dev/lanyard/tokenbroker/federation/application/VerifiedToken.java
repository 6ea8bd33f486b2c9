package dev.lanyard.tokenbroker.federation.application;

import java.time.Instant;
import java.util.Map;

import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

/**
 * A presented token that passed every check of exactly one trust rule.
 *
 * @param trust the rule that accepted it
 * @param issuer its {@code iss}
 * @param subject its {@code sub}, or {@code null}
 * @param jti its {@code jti}, or {@code null} (only when the rule allows reuse)
 * @param expiresAt its {@code exp}
 * @param claims all its claims (JSON values: String, Boolean, Number, List, Map)
 */
public record VerifiedToken(FederationTrust trust, String issuer, String subject, String jti, Instant expiresAt,
		Map<String, Object> claims) {

	public VerifiedToken {
		if (trust == null) {
			throw new IllegalArgumentException("trust cannot be null");
		}
		if (issuer == null || expiresAt == null || claims == null) {
			throw new IllegalArgumentException("issuer, expiresAt and claims cannot be null");
		}
	}

}
