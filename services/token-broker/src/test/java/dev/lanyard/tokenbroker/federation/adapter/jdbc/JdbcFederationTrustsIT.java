package dev.lanyard.tokenbroker.federation.adapter.jdbc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.federation.TestFederation;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;
import dev.lanyard.tokenbroker.federation.domain.SubjectRule;
import dev.lanyard.tokenbroker.testing.MigratedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Trust rules round-trip through real PostgreSQL; older snapshots lose. */
class JdbcFederationTrustsIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_federation_it");

	private final JdbcFederationTrusts trusts = new JdbcFederationTrusts(jdbc, JsonMapper.builder().build());

	private final String issuer = "https://idp-" + UUID.randomUUID() + ".example.com";

	@Test
	void byIssuerWhenRuleAppliedThenReadBackWhole() {
		FederationTrust rule = TestFederation.rule("fed-" + UUID.randomUUID(), FederationKind.OIDC, (r) -> {
			r.issuer = this.issuer;
			r.requiredClaims = Map.of("email_verified", "true");
			r.subjectRules = List.of(new SubjectRule(SubjectRule.Type.EXPRESSION, "['ref'] == 'main'"));
			r.lifetime = java.time.Duration.ofMinutes(2);
			return r;
		});
		this.trusts.apply(rule);
		assertThat(this.trusts.byIssuer(this.issuer)).containsExactly(rule);
		assertThat(this.trusts.byIssuer(this.issuer + "/")).isEmpty();
	}

	@Test
	void removeWhenDeletedThenGoneAndAnOlderSnapshotCannotBringItBack() {
		FederationTrust rule = TestFederation.rule("fed-" + UUID.randomUUID(), FederationKind.OIDC, (r) -> {
			r.issuer = this.issuer;
			return r;
		});
		this.trusts.apply(rule);
		this.trusts.remove(rule.integrationId(), rule.changedAt().plusSeconds(1));
		assertThat(this.trusts.byIssuer(this.issuer)).isEmpty();
		this.trusts.apply(rule);
		assertThat(this.trusts.byIssuer(this.issuer)).isEmpty();
	}

}
