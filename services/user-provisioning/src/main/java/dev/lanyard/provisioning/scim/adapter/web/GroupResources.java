package dev.lanyard.provisioning.scim.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.application.ProvisionedGroup;
import dev.lanyard.provisioning.scim.domain.ScimGroup;
import dev.lanyard.provisioning.scim.domain.ScimSchemas;

/** Renders groups as SCIM Group resources (RFC 7643 §4.2). */
final class GroupResources {

	private GroupResources() {
	}

	static Map<String, Object> of(ProvisionedGroup provisioned, String baseUrl) {
		ScimGroup group = provisioned.group();
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("schemas", List.of(ScimSchemas.GROUP));
		resource.put("id", group.id().toString());
		if (group.externalId() != null) {
			resource.put("externalId", group.externalId());
		}
		resource.put("displayName", group.displayName());
		if (provisioned.members() != null) {
			resource.put("members",
					provisioned.members()
						.stream()
						.map((member) -> Map.of("value", member.userId().toString(), "display", member.username(),
								"$ref", baseUrl + "/Users/" + member.userId(), "type", "User"))
						.toList());
		}
		resource.put("meta", Meta.of("Group", group.created(), group.lastModified(), baseUrl + "/Groups/" + group.id(),
				group.version()));
		return resource;
	}

}
