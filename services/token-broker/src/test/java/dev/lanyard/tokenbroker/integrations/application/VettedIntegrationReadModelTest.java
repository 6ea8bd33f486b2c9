package dev.lanyard.tokenbroker.integrations.application;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.EndpointRule;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VettedIntegrationReadModelTest {

	private final Map<String, Integration> rows = new HashMap<>();

	private final VettedIntegrationReadModel integrations = new VettedIntegrationReadModel(new InMemory(),
			new EndpointRule(new AddressPolicy(false)));

	@Test
	void applyWhenForgedSnapshotSendsSecretOverPlainHttpThenRefusedAndEarlierSnapshotKept() {
		this.integrations.apply(integration("https://login.example.com/token", false, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.integrations.apply(integration("http://attacker.example/token", false, 2)))
			.withMessage("tokenEndpoint must use https");
		assertThat(this.integrations.find("i-1")).hasValueSatisfying(
				(kept) -> assertThat(kept.tokenEndpoint()).hasToString("https://login.example.com/token"));
	}

	@Test
	void applyWhenEndpointIsMetadataAddressThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.integrations.apply(integration("https://169.254.169.254/token", false, 1)))
			.withMessageStartingWith("tokenEndpoint host 169.254.169.254 is a private");
		assertThat(this.rows).isEmpty();
	}

	@Test
	void applyWhenAuthorizationEndpointBreaksTheRuleThenRefused() {
		Integration viewer = new Integration("i-1", "Viewer", IntegrationKind.VIEWER,
				URI.create("https://login.example.com/token"),
				URI.create("https://user:pw@login.example.com/authorize"), "client", 1, Set.of(), null, null, Set.of(),
				Set.of(), false, Instant.ofEpochSecond(1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.integrations.apply(viewer))
			.withMessage("authorizationEndpoint must not carry user information");
	}

	@Test
	void applyWhenDeletionNamesABadEndpointThenStillApplied() {
		assertThat(this.integrations.apply(integration("http://attacker.example/token", true, 1))).isTrue();
	}

	@Test
	void findWhenStoredBeforeTheRuleHeldThenNotHandedOut() {
		this.rows.put("i-1", integration("http://attacker.example/token", false, 1));
		assertThat(this.integrations.find("i-1")).isEmpty();
	}

	@Test
	void constructorWhenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VettedIntegrationReadModel(null, new EndpointRule(new AddressPolicy(false))))
			.withMessage("stored cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new VettedIntegrationReadModel(new InMemory(), null))
			.withMessage("rule cannot be null");
	}

	private static Integration integration(String tokenEndpoint, boolean deleted, long second) {
		return new Integration("i-1", "Example", IntegrationKind.SERVICE_ACCOUNT, URI.create(tokenEndpoint), null,
				"client", 1, Set.of("read"), null, null, Set.of(), Set.of("c-1"), deleted,
				Instant.ofEpochSecond(second));
	}

	/** The stored model, as the JDBC one keeps it: the latest snapshot wins. */
	private final class InMemory implements IntegrationReadModel {

		@Override
		public boolean apply(Integration integration) {
			VettedIntegrationReadModelTest.this.rows.put(integration.integrationId(), integration);
			return true;
		}

		@Override
		public void markDeleted(String integrationId, Instant at) {
			VettedIntegrationReadModelTest.this.rows.remove(integrationId);
		}

		@Override
		public Optional<Integration> find(String integrationId) {
			return Optional.ofNullable(VettedIntegrationReadModelTest.this.rows.get(integrationId));
		}

	}

}
