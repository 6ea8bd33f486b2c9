package dev.lanyard.integrations.integration.domain;

import java.util.List;
import java.util.Map;

/**
 * An integration as an administrator described it, unchecked: every field may be missing
 * or wrong. {@link IntegrationSettings#from} checks it.
 *
 * @param name display name, unique among live integrations ignoring case
 * @param description free text
 * @param template template id
 * @param kind {@code viewer}, {@code service-account}, {@code oidc-federation} or
 * {@code workload-federation}
 * @param authorizationEndpoint the authorization endpoint (viewer), or {@code null} to
 * derive it from the template and {@code parameters}
 * @param tokenEndpoint the token endpoint, or {@code null} to derive it
 * @param parameters values of the template's placeholders, e.g. {@code tenant}
 * @param clientId the OAuth client id at the external service
 * @param scopes scopes to ask for; {@code null} for the template's defaults
 * @param audience audience or resource indicator to ask for
 * @param maxTokenLifetimeSeconds longest lifetime of a token handed out for it
 * @param allowedGroupIds groups whose members may use it; empty for everyone
 * @param delegation viewer: {@code token-exchange} or {@code jwt-bearer-obo}, or
 * {@code null} for the per-user connect step
 * @param federation the trust rule of a federation kind
 */
public record IntegrationDraft(String name, String description, String template, String kind,
		String authorizationEndpoint, String tokenEndpoint, Map<String, String> parameters, String clientId,
		List<String> scopes, String audience, Long maxTokenLifetimeSeconds, List<String> allowedGroupIds,
		String delegation, FederationDraft federation) {

}
