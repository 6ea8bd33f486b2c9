package dev.lanyard.provisioning.scim.domain;

import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.ScimException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PatchRequestTest {

	@Test
	void parseWhenEntraCapitalisedOpsThenNormalised() {
		List<PatchOperation> ops = PatchRequest.parse(body(op("Replace", "active", "False"),
				op("Add", "emails[type eq \"work\"].value", "ada@example.com"), op("Remove", "externalId", null)));
		assertThat(ops).extracting(PatchOperation::op)
			.containsExactly(PatchOperation.Op.REPLACE, PatchOperation.Op.ADD, PatchOperation.Op.REMOVE);
		assertThat(ops.get(1).path().subAttribute()).isEqualTo("value");
	}

	@Test
	void parseWhenPathlessReplaceWithDottedAndUrnKeysThenOneOperationPerKey() {
		List<PatchOperation> ops = PatchRequest.parse(body(op("replace", null, Map.of("name.givenName", "Ada",
				"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "R&D", "active", false))));
		assertThat(ops).hasSize(3).allSatisfy((op) -> assertThat(op.op()).isEqualTo(PatchOperation.Op.REPLACE));
		assertThat(ops).anySatisfy((op) -> assertThat(op.path()).isEqualTo(AttributePath.of("name", "givenName")));
		assertThat(ops).anySatisfy((op) -> {
			assertThat(op.path().schema()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
			assertThat(op.path().attribute()).isEqualTo("department");
		});
	}

	@Test
	void parseWhenPathlessValueHasExtensionObjectThenItsAttributesBecomeOperations() {
		List<PatchOperation> ops = PatchRequest
			.parse(body(op("add", null, Map.of(ScimSchemas.ENTERPRISE_USER, Map.of("employeeNumber", "42")))));
		assertThat(ops).singleElement().satisfies((op) -> {
			assertThat(op.path().schema()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
			assertThat(op.path().attribute()).isEqualTo("employeeNumber");
			assertThat(op.value()).isEqualTo("42");
		});
	}

	@Test
	void parseWhenRemoveWithoutPathThenNoTarget() {
		assertScimType(() -> PatchRequest.parse(body(op("remove", null, null))), "noTarget");
	}

	@Test
	void parseWhenUnknownOpThenInvalidSyntax() {
		assertScimType(() -> PatchRequest.parse(body(op("merge", "active", true))), "invalidSyntax");
	}

	@Test
	void parseWhenSchemaMissingThenInvalidSyntax() {
		assertScimType(() -> PatchRequest.parse(Map.of("Operations", List.of(op("add", "active", true)))),
				"invalidSyntax");
	}

	@Test
	void parseWhenPathlessValueNotObjectThenInvalidValue() {
		assertScimType(() -> PatchRequest.parse(body(op("replace", null, "x"))), "invalidValue");
	}

	@Test
	void parseWhenBadPathThenInvalidPath() {
		assertScimType(() -> PatchRequest.parse(body(op("replace", "members[value eq", "x"))), "invalidPath");
	}

	static Map<String, Object> body(Map<?, ?>... operations) {
		return Map.of("schemas", List.of(PatchRequest.SCHEMA), "Operations", List.of(operations));
	}

	static Map<String, Object> op(String op, String path, Object value) {
		Map<String, Object> operation = new java.util.HashMap<>();
		operation.put("op", op);
		if (path != null) {
			operation.put("path", path);
		}
		if (value != null) {
			operation.put("value", value);
		}
		return operation;
	}

	static void assertScimType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String scimType) {
		assertThatExceptionOfType(ScimException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.error().scimType()).isEqualTo(scimType));
	}

}
