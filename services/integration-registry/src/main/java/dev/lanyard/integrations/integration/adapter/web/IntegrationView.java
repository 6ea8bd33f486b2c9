package dev.lanyard.integrations.integration.adapter.web;

import java.time.Instant;
import java.util.List;

import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;

/**
 * An integration as the API shows it: whether it has a client secret, never the secret. A
 * federation kind shows its rule in {@code federation}; it has no token endpoint or
 * client id of its own.
 */
record IntegrationView(String id, String name, String description, String template, String kind,
		String authorizationEndpoint, String tokenEndpoint, String clientId, boolean hasClientSecret,
		long secretVersion, List<String> scopes, String audience, Long maxTokenLifetimeSeconds,
		List<String> allowedGroupIds, List<String> contentIds, long version, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy, String delegation, FederationView federation) {

	static IntegrationView of(Integration integration) {
		IntegrationSettings settings = integration.settings();
		boolean federation = settings.kind().isFederation();
		return new IntegrationView(integration.id().toString(), settings.name(), settings.description(),
				settings.template(), settings.kind().value(), settings.authorizationEndpoint(),
				federation ? null : settings.tokenEndpoint(), federation ? null : settings.clientId(),
				integration.secretVersion() > 0, integration.secretVersion(), settings.scopes(), settings.audience(),
				(settings.maxTokenLifetime() != null) ? settings.maxTokenLifetime().toSeconds() : null,
				settings.allowedGroupIds(), integration.contentIds(), integration.version(), integration.createdAt(),
				integration.createdBy(), integration.updatedAt(), integration.updatedBy(),
				(settings.delegation() != null) ? settings.delegation().value() : null,
				FederationView.of(settings.federation()));
	}

}
