package dev.lanyard.tokenbroker.integrations.adapter.jdbc;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Delegation;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations in token-broker's table {@code integration_snapshot}. */
public final class JdbcIntegrationReadModel implements IntegrationReadModel {

	private final JdbcClient jdbc;

	public JdbcIntegrationReadModel(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	/** Snapshots arrive in order per key; one as old as the stored one still wins. */
	@Override
	public boolean apply(Integration integration) {
		return this.jdbc.sql("""
				insert into integration_snapshot (integration_id, name, kind, token_endpoint, authorization_endpoint,
				    client_id, secret_version, scopes, audience, max_token_lifetime_seconds, allowed_group_ids,
				    content_ids, deleted, changed_at, delegation)
				values (:id, :name, :kind, :tokenEndpoint, :authorizationEndpoint, :clientId, :secretVersion,
				    :scopes, :audience, :maxLifetime, :groups, :contents, :deleted, :changedAt, :delegation)
				on conflict (integration_id) do update set name = excluded.name, kind = excluded.kind,
				    token_endpoint = excluded.token_endpoint, authorization_endpoint = excluded.authorization_endpoint,
				    client_id = excluded.client_id, secret_version = excluded.secret_version,
				    scopes = excluded.scopes, audience = excluded.audience,
				    max_token_lifetime_seconds = excluded.max_token_lifetime_seconds,
				    allowed_group_ids = excluded.allowed_group_ids, content_ids = excluded.content_ids,
				    deleted = excluded.deleted, changed_at = excluded.changed_at, delegation = excluded.delegation
				where integration_snapshot.changed_at <= excluded.changed_at""")
			.param("id", integration.integrationId())
			.param("name", integration.name())
			.param("kind", integration.kind().value())
			.param("tokenEndpoint", integration.tokenEndpoint().toString())
			.param("authorizationEndpoint",
					(integration.authorizationEndpoint() != null) ? integration.authorizationEndpoint().toString()
							: null)
			.param("clientId", integration.clientId())
			.param("secretVersion", integration.secretVersion())
			.param("scopes", sorted(integration.scopes()))
			.param("audience", integration.audience())
			.param("maxLifetime",
					(integration.maxTokenLifetime() != null) ? integration.maxTokenLifetime().toSeconds() : null)
			.param("groups", sorted(integration.allowedGroupIds()))
			.param("contents", sorted(integration.contentIds()))
			.param("deleted", integration.deleted())
			.param("changedAt", Timestamp.from(integration.changedAt()))
			.param("delegation", (integration.delegation() != null) ? integration.delegation().value() : null)
			.update() == 1;
	}

	@Override
	public void markDeleted(String integrationId, Instant at) {
		this.jdbc
			.sql("update integration_snapshot set deleted = true, changed_at = greatest(changed_at, :at)"
					+ " where integration_id = :id")
			.param("id", integrationId)
			.param("at", Timestamp.from(at))
			.update();
	}

	@Override
	public Optional<Integration> find(String integrationId) {
		return this.jdbc.sql("select * from integration_snapshot where integration_id = :id")
			.param("id", integrationId)
			.query((rs, row) -> integration(rs))
			.optional();
	}

	private static Integration integration(ResultSet rs) throws SQLException {
		String authorizationEndpoint = rs.getString("authorization_endpoint");
		long maxLifetime = rs.getLong("max_token_lifetime_seconds");
		Duration maxTokenLifetime = rs.wasNull() ? null : Duration.ofSeconds(maxLifetime);
		return new Integration(rs.getString("integration_id"), rs.getString("name"),
				IntegrationKind.fromValue(rs.getString("kind")), URI.create(rs.getString("token_endpoint")),
				(authorizationEndpoint != null) ? URI.create(authorizationEndpoint) : null, rs.getString("client_id"),
				rs.getLong("secret_version"), strings(rs.getArray("scopes")), rs.getString("audience"),
				maxTokenLifetime, strings(rs.getArray("allowed_group_ids")), strings(rs.getArray("content_ids")),
				rs.getBoolean("deleted"), rs.getTimestamp("changed_at").toInstant(),
				Delegation.fromValue(rs.getString("delegation")));
	}

	private static String[] sorted(Set<String> values) {
		return values.stream().sorted().toArray(String[]::new);
	}

	private static Set<String> strings(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		try {
			return Set.copyOf(Arrays.asList((String[]) array.getArray()));
		}
		finally {
			array.free();
		}
	}

}
