package dev.lanyard.integrations.integration.adapter.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.SubjectRule;

/**
 * A trust rule as the {@code integration.federation} JSONB column holds it: the fields of
 * the API, durations in seconds. Written and read only here.
 */
final class FederationColumn {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FederationColumn() {
	}

	record Stored(String issuer, String jwksUri, boolean jwksUriDiscovered, String staticJwks, List<String> audiences,
			List<String> algorithms, long maxTokenAgeSeconds, long clockSkewSeconds, boolean allowJtiReuse,
			String matchClaim, String userField, Map<String, String> requiredClaims, List<Rule> subjectRules,
			String contentId, boolean createUsers, Long tokenLifetimeSeconds) {

	}

	record Rule(String type, String value) {

	}

	static String write(FederationTrust trust) {
		if (trust == null) {
			return null;
		}
		return JSON.writeValueAsString(new Stored(trust.issuer(), trust.jwksUri(), trust.jwksDiscovered(),
				trust.staticJwks(), trust.audiences(), trust.algorithms(), trust.maxTokenAge().toSeconds(),
				trust.clockSkew().toSeconds(), trust.allowJtiReuse(), trust.matchClaim(), trust.userField(),
				trust.requiredClaims(),
				trust.subjectRules().stream().map((rule) -> new Rule(rule.type().value(), rule.value())).toList(),
				trust.contentId(), trust.createUsers(),
				(trust.tokenLifetime() != null) ? trust.tokenLifetime().toSeconds() : null));
	}

	static FederationTrust read(String json) {
		if (json == null) {
			return null;
		}
		Stored stored = JSON.readValue(json, Stored.class);
		return new FederationTrust(stored.issuer(), stored.jwksUri(), stored.jwksUriDiscovered(), stored.staticJwks(),
				stored.audiences(), stored.algorithms(), Duration.ofSeconds(stored.maxTokenAgeSeconds()),
				Duration.ofSeconds(stored.clockSkewSeconds()), stored.allowJtiReuse(), stored.matchClaim(),
				stored.userField(), (stored.requiredClaims() != null) ? stored.requiredClaims() : Map.of(),
				(stored.subjectRules() != null) ? stored.subjectRules()
					.stream()
					.map((rule) -> new SubjectRule(SubjectRule.Type.of(rule.type()).orElseThrow(), rule.value()))
					.toList() : List.of(),
				stored.contentId(), stored.createUsers(),
				(stored.tokenLifetimeSeconds() != null) ? Duration.ofSeconds(stored.tokenLifetimeSeconds()) : null);
	}

}
