package dev.lanyard.integrations.templates.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.templates.application.TemplateCatalog;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the templates to any caller with a valid token-broker JWT. */
@RestController
final class TemplatesController {

	private final TemplateCatalog templates;

	TemplatesController(TemplateCatalog templates) {
		this.templates = templates;
	}

	/**
	 * A template as the API shows it.
	 *
	 * @param id its id, the {@code template} of an integration
	 * @param name display name
	 * @param description what it is for
	 * @param kinds the kinds it supports
	 * @param authorizationEndpointPattern pattern of the authorization endpoint
	 * @param tokenEndpointPattern pattern of the token endpoint (OAuth kinds)
	 * @param issuerPattern pattern of the trusted issuer (federation kinds)
	 * @param parameters the placeholders to fill in
	 * @param defaultScopes default scopes per kind
	 * @param requiredFields required request fields per kind
	 */
	record TemplateView(String id, String name, String description, List<String> kinds,
			String authorizationEndpointPattern, String tokenEndpointPattern, String issuerPattern,
			List<String> parameters, Map<String, List<String>> defaultScopes,
			Map<String, List<String>> requiredFields) {

		static TemplateView of(IntegrationTemplate template) {
			Map<String, List<String>> scopes = new LinkedHashMap<>();
			Map<String, List<String>> required = new LinkedHashMap<>();
			for (IntegrationKind kind : template.orderedKinds()) {
				scopes.put(kind.value(), template.defaultScopes(kind));
				required.put(kind.value(), template.requiredFields(kind));
			}
			return new TemplateView(template.id(), template.name(), template.description(),
					template.orderedKinds().stream().map(IntegrationKind::value).toList(),
					(template.authorizationEndpoint() != null) ? template.authorizationEndpoint().value() : null,
					template.isFederation() ? null : template.tokenEndpoint().value(),
					template.isFederation() ? template.tokenEndpoint().value() : null, template.parameters(), scopes,
					required);
		}

	}

	@GetMapping("/api/integration-templates")
	Map<String, List<TemplateView>> list() {
		return Map.of("templates", this.templates.all().stream().map(TemplateView::of).toList());
	}

}
