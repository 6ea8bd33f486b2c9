package dev.lanyard.integrations.templates.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kind of external service (GitHub, Snowflake, Entra ID, any OAuth 2.0 provider ...):
 * its endpoint patterns, the kinds of integration it supports and its default scopes. An
 * integration is one configured instance of a template.
 *
 * @param id stable id, e.g. {@code microsoft-entra}
 * @param name display name
 * @param description one sentence for administrators
 * @param authorizationEndpoint pattern of the authorization endpoint; {@code null} when
 * the template supports no viewer integrations
 * @param tokenEndpoint pattern of the token endpoint; for a federation template, of the
 * trusted issuer
 * @param defaultScopes scopes used when an integration names none
 * @param refreshScopes scopes that make the provider issue a refresh token, added to the
 * defaults of viewer integrations (e.g. {@code offline_access})
 * @param kinds the kinds it supports, at least one
 */
public record IntegrationTemplate(String id, String name, String description, EndpointPattern authorizationEndpoint,
		EndpointPattern tokenEndpoint, List<String> defaultScopes, List<String> refreshScopes,
		Set<IntegrationKind> kinds) {

	public IntegrationTemplate {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("id cannot be blank");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name cannot be blank");
		}
		if (tokenEndpoint == null) {
			throw new IllegalArgumentException("tokenEndpoint cannot be null");
		}
		if (kinds == null || kinds.isEmpty()) {
			throw new IllegalArgumentException("kinds cannot be empty");
		}
		boolean federation = kinds.stream().anyMatch(IntegrationKind::isFederation);
		if (federation && kinds.stream().anyMatch((kind) -> !kind.isFederation())) {
			// its one pattern is an issuer for the one and a token endpoint for the other
			throw new IllegalArgumentException("kinds cannot mix federation and OAuth kinds");
		}
		if (kinds.contains(IntegrationKind.VIEWER) && authorizationEndpoint == null) {
			throw new IllegalArgumentException("authorizationEndpoint cannot be null when viewer is supported");
		}
		description = (description != null) ? description : "";
		defaultScopes = (defaultScopes != null) ? List.copyOf(defaultScopes) : List.of();
		refreshScopes = (refreshScopes != null) ? List.copyOf(refreshScopes) : List.of();
		kinds = Set.copyOf(kinds);
	}

	public boolean supports(IntegrationKind kind) {
		return this.kinds.contains(kind);
	}

	/** Whether its kinds are the federation kinds, its pattern an issuer's. */
	public boolean isFederation() {
		return this.kinds.stream().anyMatch(IntegrationKind::isFederation);
	}

	/** The scopes an integration of that kind gets when it names none. */
	public List<String> defaultScopes(IntegrationKind kind) {
		if (kind.isFederation()) {
			return List.of();
		}
		if (kind != IntegrationKind.VIEWER) {
			return this.defaultScopes;
		}
		Set<String> scopes = new LinkedHashSet<>(this.defaultScopes);
		scopes.addAll(this.refreshScopes);
		return List.copyOf(scopes);
	}

	/** The placeholders an administrator fills in, e.g. {@code tenant}. */
	public List<String> parameters() {
		Set<String> names = new LinkedHashSet<>();
		if (this.authorizationEndpoint != null) {
			names.addAll(this.authorizationEndpoint.placeholders());
		}
		names.addAll(this.tokenEndpoint.placeholders());
		return List.copyOf(names);
	}

	/**
	 * What an administrator must give for an integration of this kind: the client id and
	 * secret, each placeholder (or the full endpoint instead), and the endpoints
	 * themselves when the template is free-form.
	 */
	public List<String> requiredFields(IntegrationKind kind) {
		if (kind.isFederation()) {
			return federationFields(kind);
		}
		List<String> fields = new ArrayList<>(List.of("name", "clientId", "clientSecret"));
		if (kind == IntegrationKind.VIEWER && this.authorizationEndpoint.isFreeForm()) {
			fields.add("authorizationEndpoint");
		}
		if (this.tokenEndpoint.isFreeForm()) {
			fields.add("tokenEndpoint");
		}
		for (String parameter : parameters()) {
			fields.add("parameters." + parameter);
		}
		return List.copyOf(fields);
	}

	private List<String> federationFields(IntegrationKind kind) {
		List<String> fields = new ArrayList<>(List.of("name"));
		if (this.tokenEndpoint.isFreeForm()) {
			fields.add("federation.issuer");
		}
		for (String parameter : parameters()) {
			fields.add("parameters." + parameter);
		}
		fields.add("federation.audiences");
		if (kind == IntegrationKind.WORKLOAD_FEDERATION) {
			fields.add("federation.contentId");
			fields.add("federation.subjectRules or federation.requiredClaims");
		}
		return List.copyOf(fields);
	}

	/**
	 * The kinds in a stable order: viewer, service-account, then the federation kinds.
	 */
	public List<IntegrationKind> orderedKinds() {
		return List.of(IntegrationKind.values()).stream().filter(this.kinds::contains).toList();
	}

}
