package dev.lanyard.integrations.templates.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.integrations.templates.application.TemplateCatalog;
import dev.lanyard.integrations.templates.domain.EndpointPattern;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Templates from the {@code integration_template} table, which migrations seed. Read once
 * on first use: they change only with a release.
 */
public final class JdbcTemplateCatalog implements TemplateCatalog {

	private final JdbcClient jdbc;

	private volatile List<IntegrationTemplate> templates;

	public JdbcTemplateCatalog(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public List<IntegrationTemplate> all() {
		List<IntegrationTemplate> loaded = this.templates;
		if (loaded == null) {
			loaded = this.jdbc
				.sql("SELECT id, name, description, authorization_endpoint_pattern, token_endpoint_pattern,"
						+ " default_scopes, refresh_scopes, supports_viewer, supports_service_account,"
						+ " supports_oidc_federation, supports_workload_federation"
						+ " FROM integration_template ORDER BY lower(name)")
				.query((rs, row) -> map(rs))
				.list();
			this.templates = List.copyOf(loaded);
		}
		return loaded;
	}

	@Override
	public Optional<IntegrationTemplate> find(String id) {
		return all().stream().filter((template) -> template.id().equals(id)).findFirst();
	}

	private static IntegrationTemplate map(ResultSet rs) throws SQLException {
		Set<IntegrationKind> kinds = EnumSet.noneOf(IntegrationKind.class);
		if (rs.getBoolean("supports_viewer")) {
			kinds.add(IntegrationKind.VIEWER);
		}
		if (rs.getBoolean("supports_service_account")) {
			kinds.add(IntegrationKind.SERVICE_ACCOUNT);
		}
		if (rs.getBoolean("supports_oidc_federation")) {
			kinds.add(IntegrationKind.OIDC_FEDERATION);
		}
		if (rs.getBoolean("supports_workload_federation")) {
			kinds.add(IntegrationKind.WORKLOAD_FEDERATION);
		}
		String authorization = rs.getString("authorization_endpoint_pattern");
		return new IntegrationTemplate(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				(authorization != null) ? new EndpointPattern(authorization) : null,
				new EndpointPattern(rs.getString("token_endpoint_pattern")), strings(rs.getArray("default_scopes")),
				strings(rs.getArray("refresh_scopes")), kinds);
	}

	static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

}
