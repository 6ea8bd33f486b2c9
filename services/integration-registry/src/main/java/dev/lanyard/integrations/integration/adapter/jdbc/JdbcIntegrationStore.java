package dev.lanyard.integrations.integration.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.integrations.integration.application.IntegrationNameTakenException;
import dev.lanyard.integrations.integration.application.IntegrationStore;
import dev.lanyard.integrations.integration.domain.Delegation;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.secrets.application.SealedSecret;
import dev.lanyard.integrations.secrets.application.SealedSecretStore;
import dev.lanyard.integrations.templates.domain.IntegrationKind;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations in PostgreSQL; deleted ones stay as rows with {@code deleted_at} set. */
public final class JdbcIntegrationStore implements IntegrationStore, SealedSecretStore {

	private static final String SELECT = "SELECT i.id, i.name, i.description, i.template_id, i.kind,"
			+ " i.authorization_endpoint, i.token_endpoint, i.client_id, i.secret_version, i.scopes, i.audience,"
			+ " i.max_token_lifetime_seconds, i.delegation, i.federation::text AS federation, i.version, i.created_at, i.created_by, i.updated_at, i.updated_by,"
			+ " ARRAY(SELECT g.group_id FROM integration_allowed_group g WHERE g.integration_id = i.id"
			+ " ORDER BY g.group_id) AS allowed_group_ids,"
			+ " ARRAY(SELECT c.content_id FROM content_integration c WHERE c.integration_id = i.id"
			+ " ORDER BY c.content_id) AS content_ids FROM integration i WHERE i.deleted_at IS NULL";

	private final JdbcClient jdbc;

	public JdbcIntegrationStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Integration integration, SealedSecret secret) {
		IntegrationSettings settings = integration.settings();
		try {
			this.jdbc
				.sql("INSERT INTO integration (id, name, description, template_id, kind, authorization_endpoint,"
						+ " token_endpoint, client_id, client_secret_ciphertext, client_secret_key_id, secret_version,"
						+ " scopes, audience, max_token_lifetime_seconds, delegation, federation, version, created_at,"
						+ " created_by, updated_at, updated_by)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)")
				.params(integration.id(), settings.name(), settings.description(), settings.template(),
						settings.kind().value(), settings.authorizationEndpoint(), settings.tokenEndpoint(),
						settings.clientId(), (secret != null) ? secret.ciphertext() : null,
						(secret != null) ? secret.keyId() : null, integration.secretVersion(),
						settings.scopes().toArray(String[]::new), settings.audience(), seconds(settings),
						delegation(settings), FederationColumn.write(settings.federation()), integration.version(),
						timestamp(integration.createdAt()), integration.createdBy(), timestamp(integration.updatedAt()),
						integration.updatedBy())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrationNameTakenException(settings.name());
		}
		replaceGroups(integration);
	}

	@Override
	public Optional<Integration> lock(UUID id) {
		return this.jdbc.sql(SELECT + " AND i.id = ? FOR UPDATE OF i").param(id).query(this::map).optional();
	}

	@Override
	public Optional<Integration> find(UUID id) {
		return this.jdbc.sql(SELECT + " AND i.id = ?").param(id).query(this::map).optional();
	}

	@Override
	public List<Integration> list() {
		return this.jdbc.sql(SELECT + " ORDER BY lower(i.name)").query(this::map).list();
	}

	@Override
	public boolean nameTaken(String name, UUID except) {
		String sql = "SELECT count(*) FROM integration WHERE deleted_at IS NULL AND lower(name) = lower(?)";
		JdbcClient.StatementSpec query = (except != null) ? this.jdbc.sql(sql + " AND id <> ?").params(name, except)
				: this.jdbc.sql(sql).param(name);
		return query.query(Long.class).single() > 0;
	}

	@Override
	public void update(Integration integration) {
		IntegrationSettings settings = integration.settings();
		try {
			this.jdbc
				.sql("UPDATE integration SET name = ?, description = ?, template_id = ?, kind = ?,"
						+ " authorization_endpoint = ?, token_endpoint = ?, client_id = ?, scopes = ?, audience = ?,"
						+ " max_token_lifetime_seconds = ?, delegation = ?, federation = ?::jsonb, version = ?,"
						+ " updated_at = ?, updated_by = ? WHERE id = ?")
				.params(settings.name(), settings.description(), settings.template(), settings.kind().value(),
						settings.authorizationEndpoint(), settings.tokenEndpoint(), settings.clientId(),
						settings.scopes().toArray(String[]::new), settings.audience(), seconds(settings),
						delegation(settings), FederationColumn.write(settings.federation()), integration.version(),
						timestamp(integration.updatedAt()), integration.updatedBy(), integration.id())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrationNameTakenException(settings.name());
		}
		replaceGroups(integration);
	}

	@Override
	public void updateSecret(Integration integration, SealedSecret secret) {
		this.jdbc
			.sql("UPDATE integration SET client_secret_ciphertext = ?, client_secret_key_id = ?, secret_version = ?,"
					+ " version = ?, updated_at = ?, updated_by = ? WHERE id = ?")
			.params(secret.ciphertext(), secret.keyId(), integration.secretVersion(), integration.version(),
					timestamp(integration.updatedAt()), integration.updatedBy(), integration.id())
			.update();
	}

	@Override
	public void markDeleted(Integration integration) {
		this.jdbc
			.sql("UPDATE integration SET deleted_at = ?, client_secret_ciphertext = NULL, client_secret_key_id = NULL,"
					+ " version = ?, updated_at = ?, updated_by = ? WHERE id = ?")
			.params(timestamp(integration.updatedAt()), integration.version(), timestamp(integration.updatedAt()),
					integration.updatedBy(), integration.id())
			.update();
		this.jdbc.sql("DELETE FROM content_integration WHERE integration_id = ?").param(integration.id()).update();
	}

	@Override
	public void addContent(Integration integration, String contentId, Instant at, String by) {
		this.jdbc
			.sql("INSERT INTO content_integration (content_id, integration_id, created_at, created_by)"
					+ " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(contentId, integration.id(), timestamp(at), by)
			.update();
	}

	@Override
	public void removeContent(Integration integration, String contentId) {
		this.jdbc.sql("DELETE FROM content_integration WHERE integration_id = ? AND content_id = ?")
			.params(integration.id(), contentId)
			.update();
	}

	@Override
	public Optional<StoredClientSecret> secretOf(UUID id) {
		return this.jdbc
			.sql("SELECT secret_version, client_secret_key_id, client_secret_ciphertext FROM integration"
					+ " WHERE id = ? AND deleted_at IS NULL AND client_secret_ciphertext IS NOT NULL")
			.param(id)
			.query((rs, row) -> new StoredClientSecret(rs.getLong("secret_version"),
					new SealedSecret(rs.getString("client_secret_key_id"), rs.getBytes("client_secret_ciphertext"))))
			.optional();
	}

	@Override
	public List<StoredSecret> sealedUnderOtherThan(String keyId) {
		return this.jdbc
			.sql("SELECT id, client_secret_key_id, client_secret_ciphertext FROM integration"
					+ " WHERE client_secret_ciphertext IS NOT NULL AND client_secret_key_id <> ?")
			.param(keyId)
			.query((rs, row) -> new StoredSecret(rs.getObject("id", UUID.class),
					new SealedSecret(rs.getString("client_secret_key_id"), rs.getBytes("client_secret_ciphertext"))))
			.list();
	}

	@Override
	public boolean replace(UUID integrationId, SealedSecret expected, SealedSecret replacement) {
		return this.jdbc
			.sql("UPDATE integration SET client_secret_ciphertext = ?, client_secret_key_id = ? WHERE id = ?"
					+ " AND client_secret_key_id = ? AND client_secret_ciphertext = ?")
			.params(replacement.ciphertext(), replacement.keyId(), integrationId, expected.keyId(),
					expected.ciphertext())
			.update() == 1;
	}

	private void replaceGroups(Integration integration) {
		this.jdbc.sql("DELETE FROM integration_allowed_group WHERE integration_id = ?")
			.param(integration.id())
			.update();
		for (String group : integration.settings().allowedGroupIds()) {
			this.jdbc.sql("INSERT INTO integration_allowed_group (integration_id, group_id) VALUES (?, ?)")
				.params(integration.id(), group)
				.update();
		}
	}

	private Integration map(ResultSet rs, int row) throws SQLException {
		long lifetime = rs.getLong("max_token_lifetime_seconds");
		Duration maxTokenLifetime = rs.wasNull() ? null : Duration.ofSeconds(lifetime);
		IntegrationSettings settings = new IntegrationSettings(rs.getString("name"), rs.getString("description"),
				rs.getString("template_id"), IntegrationKind.of(rs.getString("kind")).orElseThrow(),
				rs.getString("authorization_endpoint"), rs.getString("token_endpoint"), rs.getString("client_id"),
				strings(rs.getArray("scopes")), rs.getString("audience"), maxTokenLifetime,
				strings(rs.getArray("allowed_group_ids")),
				(rs.getString("delegation") != null) ? Delegation.of(rs.getString("delegation")).orElseThrow() : null,
				FederationColumn.read(rs.getString("federation")));
		return new Integration(rs.getObject("id", UUID.class), settings, rs.getLong("secret_version"),
				strings(rs.getArray("content_ids")), rs.getLong("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"), false);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	private static String delegation(IntegrationSettings settings) {
		return (settings.delegation() != null) ? settings.delegation().value() : null;
	}

	private static Long seconds(IntegrationSettings settings) {
		return (settings.maxTokenLifetime() != null) ? settings.maxTokenLifetime().toSeconds() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
