package dev.lanyard.integrations.integration.adapter.web;

import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.integration.domain.IntegrationDraft;

/**
 * The body of {@code POST /api/integrations} and {@code PUT /api/integrations/{id}}.
 * {@code clientSecret} is accepted only on create; its {@code toString} never shows it.
 */
record IntegrationRequest(String name, String description, String template, String kind, String authorizationEndpoint,
		String tokenEndpoint, Map<String, String> parameters, String clientId, String clientSecret, List<String> scopes,
		String audience, Long maxTokenLifetimeSeconds, List<String> allowedGroupIds, String delegation,
		FederationRequest federation) {

	IntegrationDraft draft() {
		return new IntegrationDraft(this.name, this.description, this.template, this.kind, this.authorizationEndpoint,
				this.tokenEndpoint, this.parameters, this.clientId, this.scopes, this.audience,
				this.maxTokenLifetimeSeconds, this.allowedGroupIds, this.delegation,
				(this.federation != null) ? this.federation.draft() : null);
	}

	@Override
	public String toString() {
		return "IntegrationRequest[name=" + this.name + ", template=" + this.template + ", kind=" + this.kind
				+ ", clientSecret=" + ((this.clientSecret != null) ? "<redacted>" : "<none>") + "]";
	}

}
