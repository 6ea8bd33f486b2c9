package dev.lanyard.integrations.integration.domain;

import java.util.List;
import java.util.Map;

/**
 * The {@code federation} object of a federation integration as an administrator sent it,
 * unchecked. {@link FederationTrust#from} checks it; {@code null} fields take the
 * documented defaults.
 *
 * @param issuer the exact {@code iss}, or {@code null} to derive it from the template
 * @param jwksUri where the issuer's keys are
 * @param staticJwks the issuer's public keys as a JWK Set (JSON)
 * @param audiences accepted {@code aud} values
 * @param algorithms accepted JWS algorithms
 * @param maxTokenAgeSeconds how old a presented token may be
 * @param clockSkewSeconds tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param allowJtiReuse whether a {@code jti} may be presented more than once
 * @param matchClaim the claim that identifies the user
 * @param userField the user field it must equal
 * @param requiredClaims claims that must have these values
 * @param subjectRules rules of which one must match
 * @param contentId the content a workload's token becomes
 * @param createUsers whether unknown users are created
 * @param tokenLifetimeSeconds lifetime of the Lanyard token issued
 */
public record FederationDraft(String issuer, String jwksUri, String staticJwks, List<String> audiences,
		List<String> algorithms, Long maxTokenAgeSeconds, Long clockSkewSeconds, Boolean allowJtiReuse,
		String matchClaim, String userField, Map<String, String> requiredClaims, List<Rule> subjectRules,
		String contentId, Boolean createUsers, Long tokenLifetimeSeconds) {

	/**
	 * A subject rule as sent.
	 *
	 * @param type {@code exact}, {@code prefix} or {@code expression}
	 * @param value the subject, its prefix or the expression
	 */
	public record Rule(String type, String value) {

	}

}
