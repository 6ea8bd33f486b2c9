package dev.lanyard.integrations.integration.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lanyard.integrations.templates.domain.IntegrationKind;

/**
 * The trust rule of a federation integration, checked: which presented JWTs token-broker
 * accepts (exact issuer, keys, audiences, algorithms, age, skew, {@code jti} replay,
 * required claims, subject rules) and whom they become (a user matched by a claim, or one
 * content item). Public keys only: nothing in it is secret.
 *
 * @param issuer the exact {@code iss}, never normalised (a trailing slash is another
 * issuer)
 * @param jwksUri where the keys are: given, or discovered (see {@code jwksDiscovered});
 * {@code null} with static keys
 * @param jwksDiscovered whether {@code jwksUri} came from the issuer's discovery document
 * @param staticJwks the keys as a JWK Set, or {@code null}
 * @param audiences accepted {@code aud} values, at least one
 * @param algorithms accepted asymmetric JWS algorithms
 * @param maxTokenAge how old ({@code now - iat}) a presented token may be
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param allowJtiReuse whether a {@code jti} may be presented again
 * @param matchClaim oidc-federation: the claim identifying the user
 * @param userField oidc-federation: {@code unique-id}, {@code email} or {@code username}
 * @param requiredClaims claims that must carry these values, sorted by name
 * @param subjectRules of which one must match when there are any
 * @param contentId workload-federation: the content an accepted token becomes
 * @param createUsers oidc-federation: whether unknown users are created just in time
 * @param tokenLifetime lifetime of the Lanyard token issued, or {@code null} for
 * token-broker's default
 */
public record FederationTrust(String issuer, String jwksUri, boolean jwksDiscovered, String staticJwks,
		List<String> audiences, List<String> algorithms, Duration maxTokenAge, Duration clockSkew,
		boolean allowJtiReuse, String matchClaim, String userField, Map<String, String> requiredClaims,
		List<SubjectRule> subjectRules, String contentId, boolean createUsers, Duration tokenLifetime) {

	/** Algorithms accepted when the administrator names none. */
	public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "ES256");

	public static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofMinutes(5);

	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

	public static final String DEFAULT_MATCH_CLAIM = "sub";

	public static final String DEFAULT_USER_FIELD = "unique-id";

	public FederationTrust {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if (audiences == null || audiences.isEmpty()) {
			throw new IllegalArgumentException("audiences cannot be empty");
		}
		audiences = List.copyOf(audiences);
		algorithms = List.copyOf(algorithms);
		requiredClaims = Collections.unmodifiableMap(new TreeMap<>(requiredClaims));
		subjectRules = List.copyOf(subjectRules);
	}

	/**
	 * Checks a draft for a federation kind.
	 * @param kind {@code oidc-federation} or {@code workload-federation}
	 * @param issuer the issuer, given or derived from the template
	 * @param draft the rest as sent
	 * @param policy which URLs may be fetched
	 * @param syntax checks keys and expressions
	 * @return the checked rule; its {@code jwksUri} is still to be discovered when
	 * neither it nor static keys were given ({@link #needsDiscovery()})
	 * @throws InvalidFieldException naming the first field ({@code federation.<name>})
	 * that is not acceptable
	 */
	public static FederationTrust from(IntegrationKind kind, String issuer, FederationDraft draft,
			EndpointPolicy policy, FederationSyntax syntax) {
		if (kind == null || !kind.isFederation()) {
			throw new IllegalArgumentException("kind must be a federation kind");
		}
		return FederationRules.check(kind, issuer, (draft != null) ? draft : FederationRules.EMPTY, policy, syntax);
	}

	/**
	 * Whether the keys' location is to be found through the issuer's discovery document.
	 */
	public boolean needsDiscovery() {
		return this.jwksDiscovered || (this.jwksUri == null && this.staticJwks == null);
	}

	/** The same rule with the {@code jwks_uri} the issuer's discovery document named. */
	public FederationTrust withDiscoveredJwksUri(String discovered) {
		if (discovered == null || discovered.isBlank()) {
			throw new IllegalArgumentException("discovered cannot be blank");
		}
		return new FederationTrust(this.issuer, discovered, true, this.staticJwks, this.audiences, this.algorithms,
				this.maxTokenAge, this.clockSkew, this.allowJtiReuse, this.matchClaim, this.userField,
				this.requiredClaims, this.subjectRules, this.contentId, this.createUsers, this.tokenLifetime);
	}

}
