package dev.lanyard.integrations.templates;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.integrations.templates.domain.EndpointPattern;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;

/** Templates as the migration seeds them, for unit tests. */
public final class TestTemplates {

	private TestTemplates() {
	}

	public static IntegrationTemplate custom() {
		return new IntegrationTemplate("custom", "Custom OAuth 2.0 provider", "Any OAuth 2.0 provider",
				new EndpointPattern("{authorizationEndpoint}"), new EndpointPattern("{tokenEndpoint}"), List.of(),
				List.of(), Set.of(IntegrationKind.VIEWER, IntegrationKind.SERVICE_ACCOUNT));
	}

	public static IntegrationTemplate entra() {
		return new IntegrationTemplate("microsoft-entra", "Microsoft Entra ID / Azure", "",
				new EndpointPattern("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize"),
				new EndpointPattern("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"),
				List.of("https://management.azure.com/.default"), List.of("offline_access"),
				Set.of(IntegrationKind.VIEWER, IntegrationKind.SERVICE_ACCOUNT));
	}

	public static IntegrationTemplate github() {
		return new IntegrationTemplate("github", "GitHub", "",
				new EndpointPattern("https://github.com/login/oauth/authorize"),
				new EndpointPattern("https://github.com/login/oauth/access_token"), List.of("read:user", "repo"),
				List.of(), Set.of(IntegrationKind.VIEWER));
	}

	public static IntegrationTemplate snowflake() {
		return new IntegrationTemplate("snowflake", "Snowflake", "",
				new EndpointPattern("https://{account}.snowflakecomputing.com/oauth/authorize"),
				new EndpointPattern("https://{account}.snowflakecomputing.com/oauth/token-request"), List.of(),
				List.of("refresh_token"), Set.of(IntegrationKind.VIEWER));
	}

	public static IntegrationTemplate oidcFederation() {
		return new IntegrationTemplate("oidc-federation", "OpenID Connect federation", "", null,
				new EndpointPattern("{issuer}"), List.of(), List.of(),
				Set.of(IntegrationKind.OIDC_FEDERATION, IntegrationKind.WORKLOAD_FEDERATION));
	}

	public static IntegrationTemplate githubActions() {
		return new IntegrationTemplate("github-actions", "GitHub Actions", "", null,
				new EndpointPattern("https://token.actions.githubusercontent.com"), List.of(), List.of(),
				Set.of(IntegrationKind.WORKLOAD_FEDERATION));
	}

	public static IntegrationTemplate gitlabCi() {
		return new IntegrationTemplate("gitlab-ci", "GitLab CI/CD", "", null, new EndpointPattern("https://{host}"),
				List.of(), List.of(), Set.of(IntegrationKind.WORKLOAD_FEDERATION));
	}

	public static Optional<IntegrationTemplate> find(String id) {
		return List.of(custom(), entra(), github(), snowflake(), oidcFederation(), githubActions(), gitlabCi())
			.stream()
			.filter((t) -> t.id().equals(id))
			.findFirst();
	}

}
