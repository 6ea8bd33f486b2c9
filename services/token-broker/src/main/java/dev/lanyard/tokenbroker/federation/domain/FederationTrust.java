package dev.lanyard.tokenbroker.federation.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trust rule of a federation integration, as integration-registry last described it:
 * which presented JWTs are accepted and whom they become.
 *
 * @param integrationId the federation integration's id
 * @param kind what an accepted token becomes
 * @param issuer the exact {@code iss} (a trailing slash is another issuer)
 * @param jwksUri where the issuer's keys are, or {@code null} with {@code staticJwks}
 * @param staticJwks the issuer's public keys as a JWK Set (JSON), or {@code null}
 * @param audiences accepted {@code aud} values; the token's must contain one
 * @param algorithms accepted JWS algorithms
 * @param maxTokenAge how old ({@code now - iat}) a token may be
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param allowJtiReuse {@code false}: every token needs a {@code jti}, accepted once
 * @param matchClaim oidc-federation: the claim that names the user
 * @param userField oidc-federation: the user field the match claim must equal
 * @param requiredClaims claims that must be present with this value
 * @param subjectRules when not empty, one must be met
 * @param contentId workload-federation: the content client an accepted token becomes
 * @param createUsers oidc-federation: create unknown users just in time
 * @param tokenLifetime the issued token's lifetime, or {@code null} for the default
 * @param changedAt when the snapshot was taken
 */
public record FederationTrust(String integrationId, FederationKind kind, String issuer, URI jwksUri, String staticJwks,
		Set<String> audiences, Set<String> algorithms, Duration maxTokenAge, Duration clockSkew, boolean allowJtiReuse,
		String matchClaim, UserField userField, Map<String, String> requiredClaims, List<SubjectRule> subjectRules,
		String contentId, boolean createUsers, Duration tokenLifetime, Instant changedAt) {

	public FederationTrust {
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if ((jwksUri == null) == (staticJwks == null)) {
			throw new IllegalArgumentException("exactly one of jwksUri and staticJwks is required");
		}
		if (jwksUri != null && !jwksUri.isAbsolute()) {
			throw new IllegalArgumentException("jwksUri must be an absolute URI");
		}
		if (audiences == null || audiences.isEmpty()) {
			throw new IllegalArgumentException("audiences cannot be empty");
		}
		if (algorithms == null || algorithms.isEmpty()) {
			throw new IllegalArgumentException("algorithms cannot be empty");
		}
		requirePositive(maxTokenAge, "maxTokenAge");
		if (clockSkew == null || clockSkew.isNegative()) {
			throw new IllegalArgumentException("clockSkew cannot be negative");
		}
		if (matchClaim == null || matchClaim.isBlank()) {
			throw new IllegalArgumentException("matchClaim cannot be blank");
		}
		if (userField == null) {
			throw new IllegalArgumentException("userField cannot be null");
		}
		if (requiredClaims == null || subjectRules == null) {
			throw new IllegalArgumentException("requiredClaims and subjectRules cannot be null");
		}
		if (kind == FederationKind.WORKLOAD && (contentId == null || contentId.isBlank())) {
			throw new IllegalArgumentException("contentId is required for workload-federation");
		}
		if (tokenLifetime != null) {
			requirePositive(tokenLifetime, "tokenLifetime");
		}
		if (changedAt == null) {
			throw new IllegalArgumentException("changedAt cannot be null");
		}
		audiences = Set.copyOf(audiences);
		algorithms = Set.copyOf(algorithms);
		requiredClaims = Map.copyOf(requiredClaims);
		subjectRules = List.copyOf(subjectRules);
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
