package dev.lanyard.tokenbroker.integrations.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntegrationTest {

	private static final URI ENDPOINT = URI.create("https://idp.example/token");

	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void rulesWhenConfiguredThenApplied() {
		Integration integration = new Integration("i", "I", IntegrationKind.VIEWER, ENDPOINT, null, "client", 1,
				Set.of("read", "write"), null, null, Set.of("g-1"), Set.of("c-1"), false, AT);
		assertThat(integration.isAssociatedWith("c-1")).isTrue();
		assertThat(integration.isAssociatedWith("c-2")).isFalse();
		assertThat(integration.allowsScopes(Set.of("read"))).isTrue();
		assertThat(integration.allowsScopes(Set.of("read", "admin"))).isFalse();
		assertThat(integration.allowsGroups(Set.of("g-2", "g-1"))).isTrue();
		assertThat(integration.allowsGroups(Set.of("g-2"))).isFalse();
	}

	@Test
	void allowsGroupsWhenNoneSetThenEveryone() {
		Integration integration = new Integration("i", "I", IntegrationKind.VIEWER, ENDPOINT, null, "client", 1,
				Set.of(), null, null, Set.of(), Set.of(), false, AT);
		assertThat(integration.allowsGroups(Set.of())).isTrue();
	}

	@Test
	void constructorWhenIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration(" ", "I", IntegrationKind.VIEWER, ENDPOINT, null, "client", 1, Set.of(),
					null, null, Set.of(), Set.of(), false, AT))
			.withMessage("integrationId cannot be blank");
	}

	@Test
	void constructorWhenKindNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration("i", "I", null, ENDPOINT, null, "client", 1, Set.of(), null, null,
					Set.of(), Set.of(), false, AT))
			.withMessage("kind cannot be null");
	}

	@Test
	void constructorWhenEndpointRelativeThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration("i", "I", IntegrationKind.VIEWER, URI.create("/token"), null, "client", 1,
					Set.of(), null, null, Set.of(), Set.of(), false, AT))
			.withMessage("tokenEndpoint must be an absolute URI");
	}

	@Test
	void constructorWhenClientIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration("i", "I", IntegrationKind.VIEWER, ENDPOINT, null, "", 1, Set.of(), null,
					null, Set.of(), Set.of(), false, AT))
			.withMessage("clientId cannot be blank");
	}

	@Test
	void constructorWhenMaxLifetimeZeroThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration("i", "I", IntegrationKind.VIEWER, ENDPOINT, null, "client", 1, Set.of(),
					null, Duration.ZERO, Set.of(), Set.of(), false, AT))
			.withMessage("maxTokenLifetime must be positive");
	}

	@Test
	void kindWhenUnknownValueThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> IntegrationKind.fromValue("robot"))
			.withMessage("kind must be viewer or service-account");
	}

	@Test
	void constructorWhenDelegationOnServiceAccountThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Integration("i", "I", IntegrationKind.SERVICE_ACCOUNT, ENDPOINT, null, "client", 1,
					Set.of(), null, null, Set.of(), Set.of(), false, AT, Delegation.TOKEN_EXCHANGE))
			.withMessage("delegation is only for viewer integrations");
	}

	@Test
	void delegationWhenWireNamesThenModesAndNullForNone() {
		assertThat(Delegation.fromValue("token-exchange")).isEqualTo(Delegation.TOKEN_EXCHANGE);
		assertThat(Delegation.fromValue("jwt-bearer-obo")).isEqualTo(Delegation.JWT_BEARER_OBO);
		assertThat(Delegation.fromValue(null)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Delegation.fromValue("impersonate"))
			.withMessage("delegation must be token-exchange or jwt-bearer-obo");
	}

}
