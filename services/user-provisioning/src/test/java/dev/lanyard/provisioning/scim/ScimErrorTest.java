package dev.lanyard.provisioning.scim;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScimErrorTest {

	@Test
	void toJsonWhenFullThenRfcMembersWithStatusAsString() {
		assertThat(new ScimError(400, "invalidFilter", "bad filter").toJson()).containsExactly(
				entry("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:Error")), entry("status", "400"),
				entry("scimType", "invalidFilter"), entry("detail", "bad filter"));
	}

	@Test
	void toJsonWhenNoScimTypeThenLeftOut() {
		assertThat(new ScimError(401, null, "no").toJson()).doesNotContainKey("scimType")
			.containsEntry("status", "401");
	}

	@Test
	void constructorWhenNotAnErrorStatusThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimError(200, null, null))
			.withMessage("status must be an error status (4xx or 5xx)");
	}

	private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
		return java.util.Map.entry(key, value);
	}

}
