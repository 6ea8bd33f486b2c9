package dev.lanyard.provisioning.scim.adapter.web;

import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.application.ScimSettings;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /scim/v2/ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas}
 * (RFC 7644 §4): what this service really supports — PATCH, filters (up to
 * {@code maxResults}), ETags; no bulk, sort or password change.
 */
@RestController
public final class ScimDiscoveryController {

	private final ScimSettings settings;

	public ScimDiscoveryController(ScimSettings settings) {
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		this.settings = settings;
	}

	@GetMapping("/scim/v2/ServiceProviderConfig")
	public ResponseEntity<Map<String, Object>> serviceProviderConfig() {
		String base = ScimResponses.baseUrl();
		return ok(ScimDiscovery.serviceProviderConfig(base, this.settings.maxResults()));
	}

	@GetMapping("/scim/v2/ResourceTypes")
	public ResponseEntity<Map<String, Object>> resourceTypes() {
		List<Map<String, Object>> types = ScimDiscovery.resourceTypes(ScimResponses.baseUrl());
		return ok(ScimResponses.list(types, types.size(), 1));
	}

	@GetMapping("/scim/v2/ResourceTypes/{name}")
	public ResponseEntity<Map<String, Object>> resourceType(@PathVariable String name) {
		return ok(ScimDiscovery.resourceTypes(ScimResponses.baseUrl())
			.stream()
			.filter((type) -> name.equals(type.get("id")))
			.findFirst()
			.orElseThrow(() -> ScimException.notFound("No resource type " + name)));
	}

	@GetMapping("/scim/v2/Schemas")
	public ResponseEntity<Map<String, Object>> schemas() {
		List<Map<String, Object>> schemas = ScimDiscovery.schemas(ScimResponses.baseUrl());
		return ok(ScimResponses.list(schemas, schemas.size(), 1));
	}

	@GetMapping("/scim/v2/Schemas/{urn}")
	public ResponseEntity<Map<String, Object>> schema(@PathVariable String urn) {
		return ok(ScimDiscovery.schemas(ScimResponses.baseUrl())
			.stream()
			.filter((schema) -> urn.equals(schema.get("id")))
			.findFirst()
			.orElseThrow(() -> ScimException.notFound("No schema " + urn)));
	}

	private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
		return ResponseEntity.ok().contentType(ScimResponses.SCIM_JSON).body(body);
	}

}
