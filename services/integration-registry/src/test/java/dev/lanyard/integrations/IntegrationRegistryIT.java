package dev.lanyard.integrations;

import java.util.List;
import java.util.UUID;

import dev.lanyard.integrations.service.ServiceTestSupport;
import dev.lanyard.testing.infrastructure.ServiceHealth;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * integration-registry against real Kafka and PostgreSQL: health, migrations,
 * constraints.
 */
class IntegrationRegistryIT extends ServiceTestSupport {

	@Test
	void healthWhenKafkaAndDatabaseReachableThenUpWithBoth() {
		ServiceHealth.assertUpWithKafkaAndDatabase(this.port);
	}

	@Test
	void migrationsWhenStartedThenTemplatesSeeded() {
		assertThat(this.jdbc.queryForList("select id from integration_template", String.class)).contains("custom",
				"databricks", "snowflake", "salesforce", "microsoft-entra", "microsoft-graph", "github", "google");
	}

	@Test
	void migrationsWhenStartedThenTablesExist() {
		List<String> tables = this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public'", String.class);
		assertThat(tables).contains("integration_template", "integration", "integration_allowed_group",
				"content_integration");
	}

	@Test
	@Transactional
	void integrationsWhenViewerHasNoAuthorizationEndpointThenRejected() {
		insertTemplate();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertIntegration("GitHub", "viewer", null));
	}

	@Test
	@Transactional
	void integrationsWhenLiveNameTakenIgnoringCaseThenRejected() {
		insertTemplate();
		insertIntegration("GitHub", "service-account", null);
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> insertIntegration("github", "service-account", null));
	}

	@Test
	@Transactional
	void integrationsWhenNameTakenOnlyByDeletedOneThenAccepted() {
		insertTemplate();
		UUID first = insertIntegration("GitHub", "service-account", null);
		this.jdbc.update("update integration set deleted_at = now() where id = ?", first);
		assertThat(insertIntegration("github", "service-account", null)).isNotEqualTo(first);
	}

	@Test
	@Transactional
	void contentLinksWhenIntegrationDeletedThenGone() {
		insertTemplate();
		UUID integration = insertIntegration("Snowflake", "service-account", null);
		this.jdbc.update(
				"insert into content_integration (content_id, integration_id, created_at) values ('c-42', ?, now())",
				integration);
		this.jdbc.update("delete from integration where id = ?", integration);
		assertThat(this.jdbc.queryForObject("select count(*) from content_integration", Integer.class)).isZero();
	}

	@Test
	void migrationsWhenStartedThenFederationTemplatesSeededForTheirKindsOnly() {
		assertThat(
				this.jdbc.queryForList(
						"select id from integration_template where supports_workload_federation"
								+ " and not supports_viewer and not supports_service_account order by id",
						String.class))
			.containsExactly("github-actions", "gitlab-ci", "kubernetes", "oidc-federation");
	}

	@Test
	@Transactional
	void integrationsWhenFederationKindWithoutRuleThenRejected() {
		insertTemplate();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertIntegration("Federation", "oidc-federation", null));
	}

	@Test
	@Transactional
	void integrationsWhenOAuthKindWithRuleThenRejected() {
		insertTemplate();
		UUID viewer = insertIntegration("Viewer", "viewer", "https://idp.example/authorize");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update integration set federation = '{}'::jsonb where id = ?", viewer));
	}

	@Test
	@Transactional
	void integrationsWhenDelegatedViewerWithoutAuthorizationEndpointThenAcceptedButNotOnServiceAccount() {
		insertTemplate();
		UUID viewer = insertIntegration("Delegated", "viewer", "https://idp.example/authorize");
		this.jdbc.update(
				"update integration set delegation = 'token-exchange', authorization_endpoint = null where id = ?",
				viewer);
		UUID account = insertIntegration("Account", "service-account", null);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> this.jdbc.update("update integration set delegation = 'token-exchange' where id = ?", account));
	}

	private void insertTemplate() {
		this.jdbc.update("insert into integration_template (id, name, authorization_endpoint_pattern,"
				+ " token_endpoint_pattern, supports_viewer, supports_service_account, created_at, updated_at)"
				+ " values ('it-template', 'IT template', 'https://idp.example/authorize', 'https://idp.example/token',"
				+ " true, true, now(), now())");
	}

	private UUID insertIntegration(String name, String kind, String authorizationEndpoint) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into integration (id, name, template_id, kind, authorization_endpoint,"
						+ " token_endpoint, client_id, created_at, updated_at)"
						+ " values (?, ?, 'it-template', ?, ?, 'https://idp.example/token', 'client-1', now(), now())",
				id, name, kind, authorizationEndpoint);
		return id;
	}

}
