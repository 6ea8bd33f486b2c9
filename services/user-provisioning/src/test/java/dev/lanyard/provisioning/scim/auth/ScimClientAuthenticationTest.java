package dev.lanyard.provisioning.scim.auth;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScimClientAuthenticationTest {

	private static final ScimClient OKTA = new ScimClient(UUID.fromString("6f1c1d9e-0f4e-4b8e-9a59-0c1b2f7f9e11"),
			"okta");

	@Test
	void getNameWhenAuthenticatedThenActorIdNamingTheProvider() {
		ScimClientAuthentication authentication = new ScimClientAuthentication(OKTA);

		assertThat(authentication.getName()).isEqualTo("scim-client:okta");
		assertThat(authentication.getPrincipal()).isEqualTo(OKTA);
		assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("SCIM_CLIENT");
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getCredentials()).isNull();
	}

	@Test
	void constructorWhenClientNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimClientAuthentication(null))
			.withMessage("client cannot be null");
	}

	@Test
	void scimClientWhenIdOrNameMissingThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimClient(null, "okta"))
			.withMessage("id cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimClient(UUID.randomUUID(), " "))
			.withMessage("name cannot be blank");
	}

}
