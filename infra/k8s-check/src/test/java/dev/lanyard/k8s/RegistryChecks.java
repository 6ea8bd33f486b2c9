package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.ofKind;

/**
 * Apicurio Registry takes writes only with a bearer token (OIDC on, role-based
 * authorization) and reads without one: whoever could write could register a new
 * UserChanged schema or drop a compatibility rule under every consumer.
 */
final class RegistryChecks {

	static final String CONFIG_MAP = "apicurio-registry";

	private static final Map<String, String> REQUIRED = Map.of("QUARKUS_OIDC_TENANT_ENABLED", "true",
			"APICURIO_AUTH_ROLE_BASED_AUTHORIZATION", "true", "APICURIO_AUTH_ANONYMOUS_READ_ACCESS_ENABLED", "true");

	private RegistryChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		List<ObjectNode> configs = ofKind(objects, "ConfigMap").stream()
			.filter((config) -> CONFIG_MAP.equals(config.path("metadata").path("name").asText()))
			.toList();
		if (configs.isEmpty()) {
			violations.add("ConfigMap/" + CONFIG_MAP + ": missing, so the registry's access is not configured");
		}
		for (ObjectNode config : configs) {
			REQUIRED.forEach((key, value) -> {
				if (!value.equals(config.path("data").path(key).asText())) {
					violations.add(id(config) + ": " + key + " is not " + value
							+ ", so the registry takes writes without a token or refuses the services' reads");
				}
			});
			if (config.path("data").path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().isBlank()) {
				violations.add(id(config) + ": no QUARKUS_OIDC_AUTH_SERVER_URL, the issuer of write tokens");
			}
		}
		return violations;
	}

}
