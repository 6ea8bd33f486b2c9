package dev.lanyard.integrations.integration.domain;

import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.templates.TestTemplates;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link IntegrationSettings#from} for the federation kinds and viewer delegation. */
class FederationSettingsTest {

	private final EndpointPolicy policy = new EndpointPolicy(false, FixedResolver.publicNames());

	@Test
	void fromWhenOidcFederationThenIssuerAsTokenEndpointAndNoClient() {
		IntegrationSettings settings = check(federation("oidc-federation", "oidc-federation", TestFederations.oidc()));
		assertThat(settings.kind()).isEqualTo(IntegrationKind.OIDC_FEDERATION);
		assertThat(settings.tokenEndpoint()).isEqualTo("https://sso.example.com/realms/acme");
		assertThat(settings.clientId()).isEmpty();
		assertThat(settings.scopes()).isEmpty();
		assertThat(settings.federation().issuer()).isEqualTo("https://sso.example.com/realms/acme");
	}

	@Test
	void fromWhenGithubTemplateWithoutIssuerThenTemplatesIssuer() {
		IntegrationSettings settings = check(
				federation("github-actions", "workload-federation", TestFederations.workload().issuer(null)));
		assertThat(settings.federation().issuer()).isEqualTo("https://token.actions.githubusercontent.com");
	}

	@Test
	void fromWhenGithubTemplateWithTrailingSlashIssuerThenRefused() {
		assertInvalid(
				federation("github-actions", "workload-federation",
						TestFederations.workload().issuer("https://token.actions.githubusercontent.com/")),
				"federation.issuer");
	}

	@Test
	void fromWhenGitlabTemplateWithHostParameterThenIssuerDerived() {
		IntegrationDraft draft = TestIntegrations.draft("gitlab-ci", "workload-federation")
			.clientId(null)
			.parameters(Map.of("host", "gitlab.com"))
			.federation(TestFederations.workload().issuer(null).build())
			.build();
		assertThat(check(draft).federation().issuer()).isEqualTo("https://gitlab.com");
	}

	@Test
	void fromWhenGitlabTemplateWithoutHostThenRefusedNamingParameter() {
		assertInvalid(federation("gitlab-ci", "workload-federation", TestFederations.workload().issuer(null)),
				"parameters.host");
	}

	@Test
	void fromWhenFederationKindOnOAuthTemplateThenRefusedNamingKind() {
		assertInvalid(federation("custom", "oidc-federation", TestFederations.oidc()), "kind");
	}

	@Test
	void fromWhenOidcFederationOnWorkloadOnlyTemplateThenRefusedNamingKind() {
		assertInvalid(federation("github-actions", "oidc-federation", TestFederations.oidc().issuer(null)), "kind");
	}

	@Test
	void fromWhenFederationKindWithOAuthClientFieldsThenRefusedNamingEach() {
		FederationDraft rule = TestFederations.oidc().build();
		assertInvalid(draft("oidc-federation").federation(rule).build(), "clientId");
		assertInvalid(draft("oidc-federation").federation(rule)
			.clientId(null)
			.tokenEndpoint("https://idp.example.com/t")
			.build(), "tokenEndpoint");
		assertInvalid(draft("oidc-federation").federation(rule).clientId(null).scopes(List.of("openid")).build(),
				"scopes");
		assertInvalid(draft("oidc-federation").federation(rule).clientId(null).audience("api").build(), "audience");
		assertInvalid(draft("oidc-federation").federation(rule).clientId(null).maxTokenLifetimeSeconds(600L).build(),
				"maxTokenLifetimeSeconds");
		assertInvalid(draft("oidc-federation").federation(rule).clientId(null).allowedGroupIds(List.of("g-1")).build(),
				"allowedGroupIds");
		assertInvalid(draft("oidc-federation").federation(rule).clientId(null).delegation("token-exchange").build(),
				"delegation");
	}

	@Test
	void fromWhenFederationKindWithoutFederationObjectThenIssuerRequired() {
		assertInvalid(draft("oidc-federation").clientId(null).build(), "federation.issuer");
	}

	@Test
	void fromWhenFederationObjectOnViewerThenRefused() {
		assertInvalid(TestIntegrations.draft("github", "viewer").federation(TestFederations.oidc().build()).build(),
				"federation");
	}

	// ---- delegation

	@Test
	void fromWhenViewerWithDelegationThenNoAuthorizationEndpointNeeded() {
		IntegrationSettings settings = check(TestIntegrations.draft("custom", "viewer")
			.tokenEndpoint("https://idp.example.com/token")
			.delegation("token-exchange")
			.build());
		assertThat(settings.delegation()).isEqualTo(Delegation.TOKEN_EXCHANGE);
		assertThat(settings.authorizationEndpoint()).isNull();
	}

	@Test
	void fromWhenEntraViewerWithOboThenTemplatesAuthorizationEndpointNotKept() {
		IntegrationSettings settings = check(TestIntegrations.draft("microsoft-entra", "viewer")
			.parameters(Map.of("tenant", "contoso"))
			.delegation("jwt-bearer-obo")
			.build());
		assertThat(settings.delegation()).isEqualTo(Delegation.JWT_BEARER_OBO);
		assertThat(settings.authorizationEndpoint()).isNull();
		assertThat(settings.tokenEndpoint()).isEqualTo("https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
	}

	@Test
	void fromWhenDelegationWithAuthorizationEndpointThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "viewer")
			.authorizationEndpoint("https://idp.example.com/authorize")
			.tokenEndpoint("https://idp.example.com/token")
			.delegation("token-exchange")
			.build(), "authorizationEndpoint");
	}

	@Test
	void fromWhenDelegationUnknownThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "viewer")
			.tokenEndpoint("https://idp.example.com/token")
			.delegation("impersonation")
			.build(), "delegation");
	}

	@Test
	void fromWhenDelegationOnServiceAccountThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "service-account")
			.tokenEndpoint("https://idp.example.com/token")
			.delegation("token-exchange")
			.build(), "delegation");
	}

	@Test
	void fromWhenDelegationWithoutTokenEndpointOrClientIdThenRefused() {
		assertInvalid(TestIntegrations.draft("custom", "viewer").delegation("token-exchange").build(), "tokenEndpoint");
		assertInvalid(TestIntegrations.draft("custom", "viewer")
			.tokenEndpoint("https://idp.example.com/token")
			.clientId(null)
			.delegation("token-exchange")
			.build(), "clientId");
	}

	private static TestIntegrations.Draft draft(String kind) {
		return TestIntegrations.draft("oidc-federation", kind);
	}

	private static IntegrationDraft federation(String template, String kind, TestFederations.Draft rule) {
		return TestIntegrations.draft(template, kind).clientId(null).federation(rule.build()).build();
	}

	private IntegrationSettings check(IntegrationDraft draft) {
		return IntegrationSettings.from(draft, TestTemplates::find, this.policy, new LibraryFederationSyntax());
	}

	private void assertInvalid(IntegrationDraft draft, String field) {
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> check(draft))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
