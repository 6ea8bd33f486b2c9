package dev.lanyard.provisioning.scim.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTest {

	private static Map<String, Object> resource() {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("schemas", List.of(ScimSchemas.USER));
		resource.put("id", "1");
		resource.put("userName", "ada");
		resource.put("name", Map.of("givenName", "Ada", "familyName", "Lovelace"));
		resource.put("emails", List.of(Map.of("value", "a@x.io", "type", "work")));
		resource.put(ScimSchemas.ENTERPRISE_USER, Map.of("department", "Maths", "employeeNumber", "7"));
		return resource;
	}

	@Test
	void applyWhenAttributesThenOnlyThoseWithIdAndSchemas() {
		Map<String, Object> projected = Projection.of("userName,name.givenName", null).apply(resource());
		assertThat(projected).containsOnlyKeys("schemas", "id", "userName", "name");
		assertThat(projected.get("name")).isEqualTo(Map.of("givenName", "Ada"));
	}

	@Test
	void applyWhenExcludedThenRemovedButIdKept() {
		Map<String, Object> projected = Projection.of(null, "emails,id," + ScimSchemas.ENTERPRISE_USER + ":department")
			.apply(resource());
		assertThat(projected).containsKeys("id", "userName").doesNotContainKey("emails");
		assertThat(projected.get(ScimSchemas.ENTERPRISE_USER)).isEqualTo(Map.of("employeeNumber", "7"));
	}

	@Test
	void wantsWhenMembersExcludedThenFalse() {
		assertThat(Projection.of(null, "members").wants("members")).isFalse();
		assertThat(Projection.of("displayName", null).wants("members")).isFalse();
		assertThat(Projection.ALL.wants("members")).isTrue();
	}

}
