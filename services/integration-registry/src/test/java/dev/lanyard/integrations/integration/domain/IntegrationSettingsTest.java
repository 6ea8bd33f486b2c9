package dev.lanyard.integrations.integration.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.templates.TestTemplates;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntegrationSettingsTest {

	private final EndpointPolicy policy = new EndpointPolicy(false, FixedResolver.publicNames());

	@Test
	void fromWhenEntraWithTenantParameterThenEndpointsDerived() {
		IntegrationSettings settings = check(TestIntegrations.draft("microsoft-entra", "service-account")
			.parameters(Map.of("tenant", "contoso.onmicrosoft.com"))
			.build());
		assertThat(settings.kind()).isEqualTo(IntegrationKind.SERVICE_ACCOUNT);
		assertThat(settings.tokenEndpoint())
			.isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
		assertThat(settings.authorizationEndpoint()).isNull();
		assertThat(settings.scopes()).containsExactly("https://management.azure.com/.default");
	}

	@Test
	void fromWhenViewerThenAuthorizationEndpointAndRefreshScopes() {
		IntegrationSettings settings = check(
				TestIntegrations.draft("microsoft-entra", "viewer").parameters(Map.of("tenant", "contoso")).build());
		assertThat(settings.authorizationEndpoint())
			.isEqualTo("https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize");
		assertThat(settings.scopes()).containsExactly("https://management.azure.com/.default", "offline_access");
	}

	@Test
	void fromWhenKindNotSupportedByTemplateThenRefusedNamingKind() {
		assertInvalid(TestIntegrations.draft("github", "service-account").build(), "kind",
				"kind: GitHub supports only viewer integrations");
	}

	@Test
	void fromWhenKindUnknownThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "robot").build(), "kind",
				"kind: must be viewer, service-account, oidc-federation or workload-federation");
	}

	@Test
	void fromWhenTemplateUnknownThenRefused() {
		assertInvalid(TestIntegrations.draft("aws-magic", "viewer").build(), "template", null);
	}

	@Test
	void fromWhenParameterMissingThenRefusedNamingIt() {
		assertInvalid(TestIntegrations.draft("microsoft-entra", "service-account").build(), "parameters.tenant", null);
	}

	@Test
	void fromWhenEndpointDoesNotFitTemplateThenRefused() {
		assertInvalid(TestIntegrations.draft("microsoft-entra", "service-account")
			.tokenEndpoint("https://idp.example.com/oauth2/v2.0/token")
			.build(), "tokenEndpoint", null);
	}

	@Test
	void fromWhenCustomWithoutTokenEndpointThenRequired() {
		assertInvalid(TestIntegrations.draft("custom", "service-account").build(), "tokenEndpoint",
				"tokenEndpoint: is required");
	}

	@Test
	void fromWhenCustomTokenEndpointPrivateThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "service-account").tokenEndpoint("https://10.0.0.1/t").build(),
				"tokenEndpoint", null);
	}

	@Test
	void fromWhenServiceAccountGivenAuthorizationEndpointThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "service-account")
			.tokenEndpoint("https://idp.example.com/token")
			.authorizationEndpoint("https://idp.example.com/authorize")
			.build(), "authorizationEndpoint", null);
	}

	@Test
	void fromWhenGithubViewerThenFixedEndpoints() {
		IntegrationSettings settings = check(TestIntegrations.draft("github", "viewer").build());
		assertThat(settings.authorizationEndpoint()).isEqualTo("https://github.com/login/oauth/authorize");
		assertThat(settings.tokenEndpoint()).isEqualTo("https://github.com/login/oauth/access_token");
	}

	@Test
	void fromWhenFieldsGivenThenNormalised() {
		IntegrationSettings settings = check(TestIntegrations.draft("custom", "service-account")
			.name("  Warehouse  ")
			.tokenEndpoint("https://idp.example.com/token")
			.scopes(List.of("read", "write", "read"))
			.allowedGroupIds(List.of("g-2", "g-1", "g-2"))
			.maxTokenLifetimeSeconds(3600L)
			.audience("https://api.example.com")
			.build());
		assertThat(settings.name()).isEqualTo("Warehouse");
		assertThat(settings.scopes()).containsExactly("read", "write");
		assertThat(settings.allowedGroupIds()).containsExactly("g-1", "g-2");
		assertThat(settings.maxTokenLifetime()).isEqualTo(Duration.ofHours(1));
		assertThat(settings.audience()).isEqualTo("https://api.example.com");
	}

	@Test
	void fromWhenNameMissingThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").name(" ").build(), "name", "name: is required");
	}

	@Test
	void fromWhenClientIdMissingThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").clientId(null).build(), "clientId", null);
	}

	@Test
	void fromWhenScopeHasSpaceThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").scopes(List.of("read write")).build(), "scopes", null);
	}

	@Test
	void fromWhenLifetimeOutOfBoundsThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").maxTokenLifetimeSeconds(59L).build(),
				"maxTokenLifetimeSeconds", null);
		assertInvalid(TestIntegrations.draft("github", "viewer").maxTokenLifetimeSeconds(86_401L).build(),
				"maxTokenLifetimeSeconds", null);
	}

	@Test
	void fromWhenGroupIdMalformedThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").allowedGroupIds(List.of("bad group")).build(),
				"allowedGroupIds", null);
	}

	private IntegrationSettings check(IntegrationDraft draft) {
		return IntegrationSettings.from(draft, TestTemplates::find, this.policy, new LibraryFederationSyntax());
	}

	private void assertInvalid(IntegrationDraft draft, String field, String message) {
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> check(draft)).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			if (message != null) {
				assertThat(ex.getMessage()).isEqualTo(message);
			}
		});
	}

}
