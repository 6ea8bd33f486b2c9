package dev.lanyard.provisioning.scim.adapter.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.domain.ScimSchemas;

/** The discovery documents, listing only attributes this service keeps. */
final class ScimDiscovery {

	private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

	private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

	private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

	private ScimDiscovery() {
	}

	static Map<String, Object> serviceProviderConfig(String base, int maxResults) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("schemas", List.of(SPC_SCHEMA));
		config.put("patch", Map.of("supported", true));
		config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
		config.put("filter", Map.of("supported", true, "maxResults", maxResults));
		config.put("changePassword", Map.of("supported", false));
		config.put("sort", Map.of("supported", false));
		config.put("etag", Map.of("supported", true));
		config.put("authenticationSchemes",
				List.of(Map.of("type", "oauthbearertoken", "name", "Bearer secret", "description",
						"Bearer secret issued by Lanyard's admin API (POST /api/admin/scim-clients), one per"
								+ " identity provider",
						"primary", true)));
		config.put("meta",
				Map.of("resourceType", "ServiceProviderConfig", "location", base + "/ServiceProviderConfig"));
		return config;
	}

	static List<Map<String, Object>> resourceTypes(String base) {
		return List.of(resourceType("User", "/Users", ScimSchemas.USER, List.of(ScimSchemas.ENTERPRISE_USER), base),
				resourceType("Group", "/Groups", ScimSchemas.GROUP, List.of(), base));
	}

	private static Map<String, Object> resourceType(String name, String endpoint, String schema,
			List<String> extensions, String base) {
		Map<String, Object> type = new LinkedHashMap<>();
		type.put("schemas", List.of(RESOURCE_TYPE_SCHEMA));
		type.put("id", name);
		type.put("name", name);
		type.put("endpoint", endpoint);
		type.put("schema", schema);
		type.put("schemaExtensions",
				extensions.stream().map((extension) -> Map.of("schema", extension, "required", false)).toList());
		type.put("meta", Map.of("resourceType", "ResourceType", "location", base + "/ResourceTypes/" + name));
		return type;
	}

	static List<Map<String, Object>> schemas(String base) {
		List<Map<String, Object>> user = new ArrayList<>();
		user.add(attribute("userName", "string", false, true, "readWrite", "server", List.of()));
		user.add(attribute("externalId", "string", false, false, "readWrite", "none", List.of()));
		user.add(attribute("name", "complex", false, false, "readWrite", "none",
				List.of(attribute("givenName", "string", false, false, "readWrite", "none", List.of()),
						attribute("familyName", "string", false, false, "readWrite", "none", List.of()),
						attribute("formatted", "string", false, false, "readOnly", "none", List.of()))));
		user.add(attribute("displayName", "string", false, false, "readWrite", "none", List.of()));
		user.add(attribute("emails", "complex", true, false, "readWrite", "none",
				List.of(attribute("value", "string", false, false, "readWrite", "none", List.of()),
						attribute("type", "string", false, false, "readWrite", "none", List.of()),
						attribute("primary", "boolean", false, false, "readWrite", "none", List.of()))));
		user.add(attribute("active", "boolean", false, false, "readWrite", "none", List.of()));
		user.add(attribute("groups", "complex", true, false, "readOnly", "none",
				List.of(attribute("value", "string", false, false, "readOnly", "none", List.of()),
						attribute("display", "string", false, false, "readOnly", "none", List.of()))));
		List<Map<String, Object>> enterprise = List.of(
				attribute("employeeNumber", "string", false, false, "readWrite", "none", List.of()),
				attribute("department", "string", false, false, "readWrite", "none", List.of()));
		List<Map<String, Object>> group = List.of(
				attribute("displayName", "string", false, true, "readWrite", "server", List.of()),
				attribute("externalId", "string", false, false, "readWrite", "none", List.of()),
				attribute("members", "complex", true, false, "readWrite", "none",
						List.of(attribute("value", "string", false, false, "immutable", "none", List.of()),
								attribute("display", "string", false, false, "readOnly", "none", List.of()))));
		return List.of(schema(ScimSchemas.USER, "User", user, base),
				schema(ScimSchemas.ENTERPRISE_USER, "EnterpriseUser", enterprise, base),
				schema(ScimSchemas.GROUP, "Group", group, base));
	}

	private static Map<String, Object> schema(String id, String name, List<Map<String, Object>> attributes,
			String base) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("schemas", List.of(SCHEMA_SCHEMA));
		schema.put("id", id);
		schema.put("name", name);
		schema.put("attributes", attributes);
		schema.put("meta", Map.of("resourceType", "Schema", "location", base + "/Schemas/" + id));
		return schema;
	}

	private static Map<String, Object> attribute(String name, String type, boolean multiValued, boolean required,
			String mutability, String uniqueness, List<Map<String, Object>> subAttributes) {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("name", name);
		attribute.put("type", type);
		attribute.put("multiValued", multiValued);
		attribute.put("required", required);
		attribute.put("caseExact", false);
		attribute.put("mutability", mutability);
		attribute.put("returned", "default");
		attribute.put("uniqueness", uniqueness);
		if (!subAttributes.isEmpty()) {
			attribute.put("subAttributes", subAttributes);
		}
		return attribute;
	}

}
