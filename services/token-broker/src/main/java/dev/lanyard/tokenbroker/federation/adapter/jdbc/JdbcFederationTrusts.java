package dev.lanyard.tokenbroker.federation.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trust rules in token-broker's table {@code federation_trust}, the rule as JSON, looked
 * up by exact issuer; a snapshot older than the stored one is ignored, a deletion is kept
 * as a marker so that a late older snapshot cannot bring the rule back.
 */
public final class JdbcFederationTrusts implements FederationTrusts {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public JdbcFederationTrusts(JdbcClient jdbc, JsonMapper json) {
		if (jdbc == null || json == null) {
			throw new IllegalArgumentException("jdbc and json cannot be null");
		}
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void apply(FederationTrust trust) {
		if (trust == null) {
			throw new IllegalArgumentException("trust cannot be null");
		}
		upsert(trust.integrationId(), trust.issuer(), this.json.writeValueAsString(trust), false, trust.changedAt());
	}

	@Override
	public void remove(String integrationId, Instant at) {
		if (integrationId == null || at == null) {
			throw new IllegalArgumentException("integrationId and at cannot be null");
		}
		upsert(integrationId, "", "{}", true, at);
	}

	private void upsert(String integrationId, String issuer, String rule, boolean deleted, Instant at) {
		this.jdbc.sql("""
				insert into federation_trust (integration_id, issuer, rule, deleted, changed_at)
				values (:id, :issuer, :rule, :deleted, :at)
				on conflict (integration_id) do update set issuer = excluded.issuer, rule = excluded.rule,
				    deleted = excluded.deleted, changed_at = excluded.changed_at
				where federation_trust.changed_at <= excluded.changed_at""")
			.param("id", integrationId)
			.param("issuer", issuer)
			.param("rule", rule)
			.param("deleted", deleted)
			.param("at", Timestamp.from(at))
			.update();
	}

	@Override
	public List<FederationTrust> byIssuer(String issuer) {
		return this.jdbc
			.sql("select rule from federation_trust where issuer = :issuer and not deleted order by integration_id")
			.param("issuer", issuer)
			.query((rs, row) -> this.json.readValue(rs.getString("rule"), FederationTrust.class))
			.list();
	}

}
