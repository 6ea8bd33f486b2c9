package dev.lanyard.integrations.integration.domain;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.lanyard.integrations.templates.domain.EndpointPattern;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;

/**
 * The part of an integration an administrator sets, checked: the template exists and
 * supports the kind, the endpoints fit the template and the {@link EndpointPolicy}, every
 * field has its shape.
 *
 * @param name display name
 * @param description free text, possibly empty
 * @param template template id
 * @param kind the kind
 * @param authorizationEndpoint authorization endpoint; {@code null} for service accounts
 * @param tokenEndpoint token endpoint
 * @param clientId the OAuth client id
 * @param scopes scopes, without duplicates, in the order given
 * @param audience audience or resource, or {@code null}
 * @param maxTokenLifetime longest token lifetime, or {@code null} for the external
 * service's own
 * @param allowedGroupIds allowed groups, sorted; empty for everyone
 * @param delegation viewer: how the credential is delegated, or {@code null} for the
 * per-user connect step
 * @param federation the trust rule of a federation kind, else {@code null}; for those
 * kinds {@code tokenEndpoint} is the issuer and {@code clientId} empty
 */
public record IntegrationSettings(String name, String description, String template, IntegrationKind kind,
		String authorizationEndpoint, String tokenEndpoint, String clientId, List<String> scopes, String audience,
		Duration maxTokenLifetime, List<String> allowedGroupIds, Delegation delegation, FederationTrust federation) {

	/** Shortest maximum token lifetime accepted. */
	public static final Duration MIN_TOKEN_LIFETIME = Duration.ofMinutes(1);

	/** Longest maximum token lifetime accepted. */
	public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);

	/** RFC 6749 §3.3 scope-token. */
	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");

	public IntegrationSettings {
		scopes = List.copyOf(scopes);
		allowedGroupIds = List.copyOf(allowedGroupIds);
		if ((federation != null) != (kind != null && kind.isFederation())) {
			throw new IllegalArgumentException("federation must be set exactly for the federation kinds");
		}
	}

	/**
	 * The same settings with a changed trust rule (e.g. its discovered JWKS location).
	 */
	public IntegrationSettings withFederation(FederationTrust changed) {
		if (changed == null) {
			throw new IllegalArgumentException("changed cannot be null");
		}
		return new IntegrationSettings(this.name, this.description, this.template, this.kind,
				this.authorizationEndpoint, changed.issuer(), this.clientId, this.scopes, this.audience,
				this.maxTokenLifetime, this.allowedGroupIds, this.delegation, changed);
	}

	/**
	 * Checks a draft.
	 * @param draft what the administrator sent
	 * @param templates looks a template up by id
	 * @param policy which endpoints are acceptable
	 * @param syntax checks a federation rule's keys and expressions
	 * @return the checked settings
	 * @throws InvalidFieldException naming the first field that is not acceptable
	 */
	public static IntegrationSettings from(IntegrationDraft draft,
			Function<String, Optional<IntegrationTemplate>> templates, EndpointPolicy policy, FederationSyntax syntax) {
		if (draft == null) {
			throw new InvalidFieldException("body", "is required");
		}
		String name = text("name", draft.name(), 200, true);
		String description = text("description", draft.description(), 2000, false);
		String templateId = text("template", draft.template(), 64, true);
		IntegrationTemplate template = templates.apply(templateId)
			.orElseThrow(() -> new InvalidFieldException("template",
					"unknown template " + templateId + "; GET /api/integration-templates lists them"));
		String kindName = text("kind", draft.kind(), 32, true);
		IntegrationKind kind = IntegrationKind.of(kindName)
			.orElseThrow(() -> new InvalidFieldException("kind",
					"must be viewer, service-account, oidc-federation or workload-federation"));
		if (!template.supports(kind)) {
			throw new InvalidFieldException("kind",
					template.name() + " supports only "
							+ String.join(" and ",
									template.orderedKinds().stream().map(IntegrationKind::value).toList())
							+ " integrations");
		}
		Map<String, String> parameters = (draft.parameters() != null) ? draft.parameters() : Map.of();
		if (kind.isFederation()) {
			return federation(draft, name, (description != null) ? description : "", template, kind, parameters, policy,
					syntax);
		}
		if (draft.federation() != null) {
			throw new InvalidFieldException("federation", "is only for oidc-federation and workload-federation");
		}
		Delegation delegation = delegation(draft.delegation(), kind);
		String authorization = null;
		if (delegation != null && present(draft.authorizationEndpoint())) {
			// no user is sent to the provider: an endpoint here would suggest a connect
			// step
			throw new InvalidFieldException("authorizationEndpoint", "is not used with delegation");
		}
		if (kind == IntegrationKind.VIEWER && delegation == null) {
			authorization = endpoint("authorizationEndpoint", draft.authorizationEndpoint(),
					template.authorizationEndpoint(), parameters, policy, template);
		}
		else if (kind != IntegrationKind.VIEWER && present(draft.authorizationEndpoint())) {
			throw new InvalidFieldException("authorizationEndpoint", "is only for viewer integrations");
		}
		String token = endpoint("tokenEndpoint", draft.tokenEndpoint(), template.tokenEndpoint(), parameters, policy,
				template);
		String clientId = text("clientId", draft.clientId(), 500, true);
		if (clientId.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidFieldException("clientId", "must not contain whitespace");
		}
		List<String> scopes = scopes((draft.scopes() != null) ? draft.scopes() : template.defaultScopes(kind));
		String audience = text("audience", draft.audience(), 2000, false);
		Duration lifetime = lifetime(draft.maxTokenLifetimeSeconds());
		List<String> groups = groups(draft.allowedGroupIds());
		return new IntegrationSettings(name, (description != null) ? description : "", template.id(), kind,
				authorization, token, clientId, scopes, (audience == null || audience.isEmpty()) ? null : audience,
				lifetime, groups, delegation, null);
	}

	private static Delegation delegation(String given, IntegrationKind kind) {
		if (!present(given)) {
			return null;
		}
		if (kind != IntegrationKind.VIEWER) {
			throw new InvalidFieldException("delegation", "is only for viewer integrations");
		}
		return Delegation.of(given)
			.orElseThrow(() -> new InvalidFieldException("delegation", "must be token-exchange or jwt-bearer-obo"));
	}

	/**
	 * A federation kind calls no token endpoint as a client: its template's pattern is
	 * the issuer's, and the OAuth client fields are refused rather than silently dropped.
	 */
	private static IntegrationSettings federation(IntegrationDraft draft, String name, String description,
			IntegrationTemplate template, IntegrationKind kind, Map<String, String> parameters, EndpointPolicy policy,
			FederationSyntax syntax) {
		refuseForFederation("authorizationEndpoint", present(draft.authorizationEndpoint()));
		refuseForFederation("tokenEndpoint", present(draft.tokenEndpoint()));
		refuseForFederation("clientId", present(draft.clientId()));
		refuseForFederation("scopes", draft.scopes() != null && !draft.scopes().isEmpty());
		refuseForFederation("audience", present(draft.audience()));
		refuseForFederation("maxTokenLifetimeSeconds", draft.maxTokenLifetimeSeconds() != null);
		refuseForFederation("allowedGroupIds", draft.allowedGroupIds() != null && !draft.allowedGroupIds().isEmpty());
		refuseForFederation("delegation", present(draft.delegation()));
		FederationDraft given = (draft.federation() != null) ? draft.federation() : FederationRules.EMPTY;
		String issuer = given.issuer();
		EndpointPattern pattern = template.tokenEndpoint();
		if (issuer == null && !pattern.isFreeForm()) {
			for (String placeholder : pattern.placeholders()) {
				if (!EndpointPattern.isParameterValue(parameters.get(placeholder))) {
					throw new InvalidFieldException("parameters." + placeholder, "is required by " + template.name()
							+ " (a host name or id of letters, digits, dots and hyphens), or give federation.issuer");
				}
			}
			issuer = pattern.expand(parameters).orElseThrow();
		}
		FederationTrust trust = FederationTrust.from(kind, issuer, given, policy, syntax);
		if (!pattern.matches(trust.issuer())) {
			throw new InvalidFieldException("federation.issuer",
					"must match " + template.name() + "'s issuer pattern " + pattern);
		}
		return new IntegrationSettings(name, description, template.id(), kind, null, trust.issuer(), "", List.of(),
				null, null, List.of(), null, trust);
	}

	private static void refuseForFederation(String field, boolean given) {
		if (given) {
			throw new InvalidFieldException(field, "is not used by federation integrations");
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String endpoint(String field, String given, EndpointPattern pattern, Map<String, String> parameters,
			EndpointPolicy policy, IntegrationTemplate template) {
		String url = (given != null && !given.isBlank()) ? given.strip() : null;
		if (url == null) {
			if (pattern.isFreeForm()) {
				throw new InvalidFieldException(field, "is required");
			}
			for (String placeholder : pattern.placeholders()) {
				if (!EndpointPattern.isParameterValue(parameters.get(placeholder))) {
					throw new InvalidFieldException("parameters." + placeholder, "is required by " + template.name()
							+ " (a host name or id of letters, digits, dots and hyphens), or give " + field);
				}
			}
			url = pattern.expand(parameters).orElseThrow();
		}
		URI checked = policy.check(field, url);
		if (!pattern.matches(url)) {
			throw new InvalidFieldException(field, "must match " + template.name() + "'s pattern " + pattern);
		}
		return checked.toString();
	}

	private static String text(String field, String value, int maxLength, boolean required) {
		String stripped = (value != null) ? value.strip() : null;
		if (stripped == null || stripped.isEmpty()) {
			if (required) {
				throw new InvalidFieldException(field, "is required");
			}
			return stripped;
		}
		if (stripped.length() > maxLength) {
			throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
		}
		if (stripped.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw new InvalidFieldException(field, "must not contain control characters");
		}
		return stripped;
	}

	private static List<String> scopes(List<String> given) {
		if (given.size() > 100) {
			throw new InvalidFieldException("scopes", "at most 100 scopes");
		}
		List<String> scopes = new ArrayList<>();
		for (String scope : given) {
			if (scope == null || !SCOPE.matcher(scope).matches()) {
				throw new InvalidFieldException("scopes",
						"each must be an OAuth scope token (printable ASCII without spaces, quotes or backslashes)");
			}
			if (!scopes.contains(scope)) {
				scopes.add(scope);
			}
		}
		return scopes;
	}

	private static Duration lifetime(Long seconds) {
		if (seconds == null) {
			return null;
		}
		Duration lifetime = Duration.ofSeconds(seconds);
		if (lifetime.compareTo(MIN_TOKEN_LIFETIME) < 0 || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
			throw new InvalidFieldException("maxTokenLifetimeSeconds", "must be between "
					+ MIN_TOKEN_LIFETIME.toSeconds() + " and " + MAX_TOKEN_LIFETIME.toSeconds() + " seconds");
		}
		return lifetime;
	}

	private static List<String> groups(List<String> given) {
		if (given == null) {
			return List.of();
		}
		if (given.size() > 1000) {
			throw new InvalidFieldException("allowedGroupIds", "at most 1000 groups");
		}
		TreeSet<String> groups = new TreeSet<>();
		for (String group : given) {
			groups.add(Identifiers.groupId(group));
		}
		return List.copyOf(groups);
	}

}
