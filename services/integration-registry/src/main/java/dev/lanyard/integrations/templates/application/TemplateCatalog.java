package dev.lanyard.integrations.templates.application;

import java.util.List;
import java.util.Optional;

import dev.lanyard.integrations.templates.domain.IntegrationTemplate;

/** The templates integrations are made from. */
public interface TemplateCatalog {

	/** Every template, by name. */
	List<IntegrationTemplate> all();

	Optional<IntegrationTemplate> find(String id);

}
