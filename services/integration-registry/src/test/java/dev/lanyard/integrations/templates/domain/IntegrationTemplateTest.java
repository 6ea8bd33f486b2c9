package dev.lanyard.integrations.templates.domain;

import java.util.List;
import java.util.Set;

import dev.lanyard.integrations.templates.TestTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntegrationTemplateTest {

	@Test
	void constructorWhenViewerWithoutAuthorizationEndpointThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationTemplate("x", "X", "", null, new EndpointPattern("https://x/token"),
					List.of(), List.of(), Set.of(IntegrationKind.VIEWER)))
			.withMessage("authorizationEndpoint cannot be null when viewer is supported");
	}

	@Test
	void constructorWhenNoKindThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationTemplate("x", "X", "", null, new EndpointPattern("https://x/token"),
					List.of(), List.of(), Set.of()))
			.withMessage("kinds cannot be empty");
	}

	@Test
	void constructorWhenIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationTemplate(" ", "X", "", null, new EndpointPattern("https://x/token"),
					List.of(), List.of(), Set.of(IntegrationKind.SERVICE_ACCOUNT)))
			.withMessage("id cannot be blank");
	}

	@Test
	void supportsWhenGithubThenViewerOnly() {
		IntegrationTemplate github = TestTemplates.github();
		assertThat(github.supports(IntegrationKind.VIEWER)).isTrue();
		assertThat(github.supports(IntegrationKind.SERVICE_ACCOUNT)).isFalse();
		assertThat(github.orderedKinds()).containsExactly(IntegrationKind.VIEWER);
	}

	@Test
	void defaultScopesWhenViewerThenRefreshScopesAdded() {
		IntegrationTemplate entra = TestTemplates.entra();
		assertThat(entra.defaultScopes(IntegrationKind.VIEWER)).containsExactly("https://management.azure.com/.default",
				"offline_access");
		assertThat(entra.defaultScopes(IntegrationKind.SERVICE_ACCOUNT))
			.containsExactly("https://management.azure.com/.default");
	}

	@Test
	void requiredFieldsWhenPlaceholdersThenParametersRequired() {
		assertThat(TestTemplates.entra().parameters()).containsExactly("tenant");
		assertThat(TestTemplates.entra().requiredFields(IntegrationKind.SERVICE_ACCOUNT)).containsExactly("name",
				"clientId", "clientSecret", "parameters.tenant");
	}

	@Test
	void requiredFieldsWhenFreeFormThenEndpointsRequired() {
		assertThat(TestTemplates.custom().requiredFields(IntegrationKind.VIEWER)).containsExactly("name", "clientId",
				"clientSecret", "authorizationEndpoint", "tokenEndpoint");
		assertThat(TestTemplates.custom().requiredFields(IntegrationKind.SERVICE_ACCOUNT)).containsExactly("name",
				"clientId", "clientSecret", "tokenEndpoint");
	}

	@Test
	void constructorWhenFederationMixedWithOAuthKindThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationTemplate("mixed", "Mixed", "",
					new EndpointPattern("{authorizationEndpoint}"), new EndpointPattern("{issuer}"), List.of(),
					List.of(), Set.of(IntegrationKind.VIEWER, IntegrationKind.OIDC_FEDERATION)))
			.withMessage("kinds cannot mix federation and OAuth kinds");
	}

	@Test
	void requiredFieldsWhenWorkloadFederationThenIssuerAudiencesContentAndARule() {
		assertThat(TestTemplates.oidcFederation().requiredFields(IntegrationKind.WORKLOAD_FEDERATION)).containsExactly(
				"name", "federation.issuer", "federation.audiences", "federation.contentId",
				"federation.subjectRules or federation.requiredClaims");
		assertThat(TestTemplates.gitlabCi().requiredFields(IntegrationKind.WORKLOAD_FEDERATION))
			.contains("parameters.host")
			.doesNotContain("federation.issuer");
		assertThat(TestTemplates.oidcFederation().requiredFields(IntegrationKind.OIDC_FEDERATION))
			.containsExactly("name", "federation.issuer", "federation.audiences");
		assertThat(TestTemplates.oidcFederation().defaultScopes(IntegrationKind.OIDC_FEDERATION)).isEmpty();
		assertThat(TestTemplates.oidcFederation().isFederation()).isTrue();
	}

}
