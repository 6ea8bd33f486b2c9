package dev.lanyard.provisioning.scim.adapter.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.scim.application.ProvisionedUser;
import dev.lanyard.provisioning.scim.domain.ScimSchemas;
import dev.lanyard.provisioning.scim.domain.ScimUser;

/** Renders users as SCIM User resources (RFC 7643 §4.1, enterprise extension §4.3). */
final class UserResources {

	private UserResources() {
	}

	static Map<String, Object> of(ProvisionedUser provisioned, String baseUrl) {
		User user = provisioned.user();
		ScimUser scim = provisioned.attributes();
		boolean enterprise = scim.employeeNumber() != null || scim.department() != null;
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("schemas",
				enterprise ? List.of(ScimSchemas.USER, ScimSchemas.ENTERPRISE_USER) : List.of(ScimSchemas.USER));
		resource.put("id", user.id().toString());
		if (scim.externalId() != null) {
			resource.put("externalId", scim.externalId());
		}
		resource.put("userName", scim.userName());
		if (scim.givenName() != null || scim.familyName() != null) {
			Map<String, Object> name = new LinkedHashMap<>();
			putIfPresent(name, "givenName", scim.givenName());
			putIfPresent(name, "familyName", scim.familyName());
			name.put("formatted", formatted(scim));
			resource.put("name", name);
		}
		resource.put("displayName", (scim.displayName() != null) ? scim.displayName()
				: (scim.givenName() != null || scim.familyName() != null) ? formatted(scim) : scim.userName());
		if (scim.email() != null) {
			resource.put("emails", List.of(Map.of("value", scim.email(), "type", "work", "primary", true)));
		}
		resource.put("active", user.active());
		if (provisioned.groups() != null) {
			List<Map<String, Object>> groups = new ArrayList<>();
			for (Group group : provisioned.groups()) {
				groups.add(Map.of("value", group.id().toString(), "display", group.name(), "$ref",
						baseUrl + "/Groups/" + group.id()));
			}
			resource.put("groups", groups);
		}
		if (enterprise) {
			Map<String, Object> extension = new LinkedHashMap<>();
			putIfPresent(extension, "employeeNumber", scim.employeeNumber());
			putIfPresent(extension, "department", scim.department());
			resource.put(ScimSchemas.ENTERPRISE_USER, extension);
		}
		resource.put("meta",
				Meta.of("User", user.createdAt(), user.updatedAt(), baseUrl + "/Users/" + user.id(), user.version()));
		return resource;
	}

	private static String formatted(ScimUser scim) {
		return String.join(" ",
				java.util.stream.Stream.of(scim.givenName(), scim.familyName())
					.filter(java.util.Objects::nonNull)
					.toList());
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
