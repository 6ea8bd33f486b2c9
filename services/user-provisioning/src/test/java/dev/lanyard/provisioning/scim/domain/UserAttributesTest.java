package dev.lanyard.provisioning.scim.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.assertScimType;
import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.body;
import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.op;
import static org.assertj.core.api.Assertions.assertThat;

class UserAttributesTest {

	private static final ScimUser ADA = new ScimUser("ada@example.com", "ext-1", "Ada", "Lovelace", null,
			"ada@example.com", true, null, null);

	@Test
	void fromResourceWhenRfcUserThenAttributesKept() {
		ScimUser user = UserAttributes
			.fromResource(Map.of("schemas", List.of(ScimSchemas.USER, ScimSchemas.ENTERPRISE_USER), "userName",
					"bjensen@example.com", "externalId", "bjensen", "name",
					Map.of("givenName", "Barbara", "familyName", "Jensen", "formatted", "Ms. Barbara J Jensen III"),
					"emails",
					List.of(Map.of("value", "bjensen@home.example", "type", "home"),
							Map.of("value", "bjensen@example.com", "type", "work", "primary", true)),
					"phoneNumbers", List.of(Map.of("value", "555-555-8377", "type", "work")),
					ScimSchemas.ENTERPRISE_USER,
					Map.of("employeeNumber", "701984", "department", "Tour Operations", "costCenter", "4130")));
		assertThat(user).isEqualTo(new ScimUser("bjensen@example.com", "bjensen", "Barbara", "Jensen", null,
				"bjensen@example.com", null, "701984", "Tour Operations"));
	}

	@Test
	void fromResourceWhenNoPrimaryThenWorkEmailElseFirst() {
		assertThat(
				UserAttributes
					.fromResource(
							Map.of("userName", "a", "emails",
									List.of(Map.of("value", "h@x.io", "type", "home"),
											Map.of("value", "w@x.io", "type", "work"))))
					.email())
			.isEqualTo("w@x.io");
		assertThat(UserAttributes
			.fromResource(Map.of("userName", "a", "emails", List.of(Map.of("value", "h@x.io", "type", "home"))))
			.email()).isEqualTo("h@x.io");
	}

	@Test
	void fromResourceWhenUnknownCoreAttributeThenInvalidPath() {
		assertScimType(() -> UserAttributes.fromResource(Map.of("userName", "a", "favouriteColour", "red")),
				"invalidPath");
	}

	@Test
	void fromResourceWhenUnknownExtensionThenIgnored() {
		assertThat(UserAttributes
			.fromResource(
					Map.of("userName", "a", "urn:example:params:scim:schemas:extension:acme:2.0:Badge", Map.of("x", 1)))
			.userName()).isEqualTo("a");
	}

	@Test
	void fromResourceWhenUserNameMissingThenInvalidValue() {
		assertScimType(() -> UserAttributes.fromResource(Map.of("externalId", "x")), "invalidValue");
	}

	@Test
	void fromResourceWhenActiveNotBooleanThenInvalidValue() {
		assertScimType(() -> UserAttributes.fromResource(Map.of("userName", "a", "active", "maybe")), "invalidValue");
	}

	@Test
	void patchWhenEntraDefaultStyleThenApplied() {
		ScimUser patched = UserAttributes.patch(ADA,
				PatchRequest.parse(body(op("Replace", "active", "False"),
						op("Replace", "emails[type eq \"work\"].value", "ada.l@example.com"),
						op("Add", "name.familyName", "King"))));
		assertThat(patched.active()).isFalse();
		assertThat(patched.email()).isEqualTo("ada.l@example.com");
		assertThat(patched.familyName()).isEqualTo("King");
	}

	@Test
	void patchWhenEntraNewStylePathlessReplaceThenApplied() {
		ScimUser patched = UserAttributes.patch(ADA,
				PatchRequest.parse(body(op("replace", null, Map.of("name.givenName", "Augusta", "active", false,
						"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Maths")))));
		assertThat(patched.givenName()).isEqualTo("Augusta");
		assertThat(patched.active()).isFalse();
		assertThat(patched.department()).isEqualTo("Maths");
	}

	@Test
	void patchWhenOktaDeactivatesThenInactive() {
		assertThat(UserAttributes.patch(ADA, PatchRequest.parse(body(op("replace", null, Map.of("active", false)))))
			.active()).isFalse();
	}

	@Test
	void patchWhenRemoveThenCleared() {
		assertThat(UserAttributes.patch(ADA, PatchRequest.parse(body(op("remove", "externalId", null)))).externalId())
			.isNull();
	}

	@Test
	void patchWhenIdThenMutability() {
		assertScimType(() -> UserAttributes.patch(ADA, PatchRequest.parse(body(op("replace", "id", "x")))),
				"mutability");
	}

	@Test
	void patchWhenGroupsThenMutability() {
		assertScimType(() -> UserAttributes.patch(ADA, PatchRequest.parse(body(op("add", "groups", List.of())))),
				"mutability");
	}

	@Test
	void patchWhenUserNameRemovedThenInvalidValue() {
		assertScimType(() -> UserAttributes.patch(ADA, PatchRequest.parse(body(op("remove", "userName", null)))),
				"invalidValue");
	}

	@Test
	void patchWhenAttributeNameInOtherCaseThenApplied() {
		assertThat(UserAttributes.patch(ADA, PatchRequest.parse(body(op("replace", "DISPLAYNAME", "Countess"))))
			.displayName()).isEqualTo("Countess");
	}

}
