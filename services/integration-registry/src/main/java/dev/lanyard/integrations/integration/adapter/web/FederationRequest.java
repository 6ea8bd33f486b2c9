package dev.lanyard.integrations.integration.adapter.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.lanyard.integrations.integration.domain.FederationDraft;

/**
 * The {@code federation} object of a request: the names of the Avro
 * {@code FederationTrust}. {@code staticJwks} may be the JWK Set itself or its JSON text.
 * {@code jwksUriDiscovered: true} (as a view shows it) discovers again instead of pinning
 * the {@code jwksUri} sent with it, so a view sent back unchanged keeps following the
 * issuer's discovery document.
 */
record FederationRequest(String issuer, String jwksUri, Boolean jwksUriDiscovered, JsonNode staticJwks,
		List<String> audiences, List<String> algorithms, Long maxTokenAgeSeconds, Long clockSkewSeconds,
		Boolean allowJtiReuse, String matchClaim, String userField, Map<String, String> requiredClaims,
		List<Rule> subjectRules, String contentId, Boolean createUsers, Long tokenLifetimeSeconds) {

	record Rule(String type, String value) {

	}

	FederationDraft draft() {
		List<FederationDraft.Rule> rules = (this.subjectRules != null) ? this.subjectRules.stream()
			.map((rule) -> (rule != null) ? new FederationDraft.Rule(rule.type(), rule.value()) : null)
			.toList() : null;
		String pinned = Boolean.TRUE.equals(this.jwksUriDiscovered) ? null : this.jwksUri;
		return new FederationDraft(this.issuer, pinned, jwks(), this.audiences, this.algorithms,
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
