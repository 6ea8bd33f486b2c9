package dev.lanyard.tokenbroker.integrations.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An OAuth integration as integration-registry last described it (an IntegrationChanged
 * snapshot). Holds no client secret: that stays with integration-registry.
 *
 * @param integrationId its id, the {@code audience} of a token exchange
 * @param name a human-readable name
 * @param kind viewer or service account
 * @param tokenEndpoint the external token endpoint
 * @param authorizationEndpoint the external authorization endpoint (viewer), or
 * {@code null}
 * @param clientId the client id at the external service
 * @param secretVersion increases when the client secret is rotated
 * @param scopes the scopes content may ask for
 * @param audience the audience or resource to ask the external service for, or
 * {@code null}
 * @param maxTokenLifetime the longest an external token is handed out, or {@code null}
 * for the external token's own lifetime
 * @param allowedGroupIds the groups whose members may use it (viewer); empty = everyone
 * @param contentIds the content items that may use it
 * @param deleted whether it was deleted
 * @param changedAt when the snapshot was taken
 * @param delegation how a viewer integration's token is obtained without a connect step,
 * or {@code null} when the user connects once (and always for a service account)
 */
public record Integration(String integrationId, String name, IntegrationKind kind, URI tokenEndpoint,
		URI authorizationEndpoint, String clientId, long secretVersion, Set<String> scopes, String audience,
		Duration maxTokenLifetime, Set<String> allowedGroupIds, Set<String> contentIds, boolean deleted,
		Instant changedAt, Delegation delegation) {

	public Integration {
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (name == null) {
			throw new IllegalArgumentException("name cannot be null");
		}
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if (tokenEndpoint == null || !tokenEndpoint.isAbsolute()) {
			throw new IllegalArgumentException("tokenEndpoint must be an absolute URI");
		}
		if (authorizationEndpoint != null && !authorizationEndpoint.isAbsolute()) {
			throw new IllegalArgumentException("authorizationEndpoint must be an absolute URI");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be blank");
		}
		if (scopes == null || allowedGroupIds == null || contentIds == null) {
			throw new IllegalArgumentException("scopes, allowedGroupIds and contentIds cannot be null");
		}
		if (maxTokenLifetime != null && (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero())) {
			throw new IllegalArgumentException("maxTokenLifetime must be positive");
		}
		if (changedAt == null) {
			throw new IllegalArgumentException("changedAt cannot be null");
		}
		if (delegation != null && kind != IntegrationKind.VIEWER) {
			throw new IllegalArgumentException("delegation is only for viewer integrations");
		}
		scopes = Set.copyOf(scopes);
		allowedGroupIds = Set.copyOf(allowedGroupIds);
		contentIds = Set.copyOf(contentIds);
	}

	/** One the user connects once (no delegation). */
	public Integration(String integrationId, String name, IntegrationKind kind, URI tokenEndpoint,
			URI authorizationEndpoint, String clientId, long secretVersion, Set<String> scopes, String audience,
			Duration maxTokenLifetime, Set<String> allowedGroupIds, Set<String> contentIds, boolean deleted,
			Instant changedAt) {
		this(integrationId, name, kind, tokenEndpoint, authorizationEndpoint, clientId, secretVersion, scopes, audience,
				maxTokenLifetime, allowedGroupIds, contentIds, deleted, changedAt, null);
	}

	/** Whether its token is obtained by delegation, without a connect step. */
	public boolean isDelegated() {
		return this.delegation != null;
	}

	/** Whether the content item may use this integration. */
	public boolean isAssociatedWith(String contentId) {
		return this.contentIds.contains(contentId);
	}

	/** Whether every requested scope is one of this integration's. */
	public boolean allowsScopes(Set<String> requested) {
		return this.scopes.containsAll(requested);
	}

	/** Whether a user in these groups may use it: when groups are set, one must match. */
	public boolean allowsGroups(Set<String> userGroupIds) {
		return this.allowedGroupIds.isEmpty() || userGroupIds.stream().anyMatch(this.allowedGroupIds::contains);
	}

}
