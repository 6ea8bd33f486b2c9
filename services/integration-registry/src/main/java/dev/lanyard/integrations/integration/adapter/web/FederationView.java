package dev.lanyard.integrations.integration.adapter.web;

import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.SubjectRule;

/**
 * A trust rule as the API shows it, with the names of the request and the Avro record;
 * {@code jwksUriDiscovered} says the {@code jwksUri} came from the issuer's discovery
 * document (send {@code jwksUri} back only to pin it).
 */
record FederationView(String issuer, String jwksUri, boolean jwksUriDiscovered, String staticJwks,
		List<String> audiences, List<String> algorithms, long maxTokenAgeSeconds, long clockSkewSeconds,
		boolean allowJtiReuse, String matchClaim, String userField, Map<String, String> requiredClaims,
		List<Rule> subjectRules, String contentId, boolean createUsers, Long tokenLifetimeSeconds) {

	record Rule(String type, String value) {

		static Rule of(SubjectRule rule) {
			return new Rule(rule.type().value(), rule.value());
		}

	}

	static FederationView of(FederationTrust trust) {
		if (trust == null) {
			return null;
		}
		return new FederationView(trust.issuer(), trust.jwksUri(), trust.jwksDiscovered(), trust.staticJwks(),
				trust.audiences(), trust.algorithms(), trust.maxTokenAge().toSeconds(), trust.clockSkew().toSeconds(),
				trust.allowJtiReuse(), trust.matchClaim(), trust.userField(), trust.requiredClaims(),
				trust.subjectRules().stream().map(Rule::of).toList(), trust.contentId(), trust.createUsers(),
				(trust.tokenLifetime() != null) ? trust.tokenLifetime().toSeconds() : null);
	}

}
