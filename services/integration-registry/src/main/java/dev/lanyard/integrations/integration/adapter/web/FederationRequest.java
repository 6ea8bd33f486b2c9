package dev.lanyard.integrations.integration.adapter.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.lanyard.integrations.integration.domain.FederationDraft;

/**
 * The {@code federation} object of a request: the names of the Avro
 * {@code FederationTrust}. {@code staticJwks} may be the JWK Set itself or its JSON text.
 */
record FederationRequest(String issuer, String jwksUri, JsonNode staticJwks, List<String> audiences,
		List<String> algorithms, Long maxTokenAgeSeconds, Long clockSkewSeconds, Boolean allowJtiReuse,
		String matchClaim, String userField, Map<String, String> requiredClaims, List<Rule> subjectRules,
		String contentId, Boolean createUsers, Long tokenLifetimeSeconds) {

	record Rule(String type, String value) {

	}

	FederationDraft draft() {
		List<FederationDraft.Rule> rules = (this.subjectRules != null) ? this.subjectRules.stream()
			.map((rule) -> (rule != null) ? new FederationDraft.Rule(rule.type(), rule.value()) : null)
			.toList() : null;
		return new FederationDraft(this.issuer, this.jwksUri, jwks(), this.audiences, this.algorithms,
				this.maxTokenAgeSeconds, this.clockSkewSeconds, this.allowJtiReuse, this.matchClaim, this.userField,
				this.requiredClaims, rules, this.contentId, this.createUsers, this.tokenLifetimeSeconds);
	}

	private String jwks() {
		if (this.staticJwks == null || this.staticJwks.isNull()) {
			return null;
		}
		return this.staticJwks.isString() ? this.staticJwks.asString() : this.staticJwks.toString();
	}

}
