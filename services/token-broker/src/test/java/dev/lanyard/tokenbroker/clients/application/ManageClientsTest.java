package dev.lanyard.tokenbroker.clients.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clients.adapter.oauth.PasswordEncoderClientSecrets;
import dev.lanyard.tokenbroker.clients.adapter.oauth.Sha256SecretEncoder;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.clients.domain.ClientSecret;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManageClientsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private final InMemoryClientStore store = new InMemoryClientStore();

	private final PasswordEncoder encoder = Sha256SecretEncoder.delegating();

	private final ClientSecretEncoder secrets = new PasswordEncoderClientSecrets(this.encoder);

	private final List<String> changed = new ArrayList<>();

	private final ManageClients clients = new ManageClients(this.store, this.secrets, this.changed::add, CLOCK);

	@Test
	void registerWhenNewThenStoresHashNotSecret() {
		Registration registration = this.clients.register(new RegisterClient("c-42", "Dashboard", "content", null));
		assertThat(registration).isInstanceOf(Registration.Registered.class);
		Registration.Registered registered = (Registration.Registered) registration;
		String hash = this.store.secretHashOf("c-42");
		assertThat(hash).startsWith("{sha256}").doesNotContain(registered.secret().value());
		assertThat(this.encoder.matches(registered.secret().value(), hash)).isTrue();
		assertThat(registered.client().kind()).isEqualTo(ClientKind.CONTENT);
		assertThat(registered.client().createdAt()).isEqualTo(CLOCK.instant());
		assertThat(this.changed).containsExactly("c-42");
	}

	@Test
	void registerWhenNoClientIdThenGeneratesOne() {
		Registration.Registered registered = (Registration.Registered) this.clients
			.register(new RegisterClient(null, "Report", "auditor", Set.of()));
		assertThat(registered.client().clientId()).isNotBlank();
	}

	@Test
	void registerWhenClientIdTakenThenAlreadyExistsAndNothingChanges() {
		this.clients.register(new RegisterClient("c-42", "Dashboard", "content", null));
		String hash = this.store.secretHashOf("c-42");
		Registration again = this.clients.register(new RegisterClient("c-42", "Other", "auditor", null));
		assertThat(again).isEqualTo(new Registration.AlreadyExists("c-42"));
		assertThat(this.store.secretHashOf("c-42")).isEqualTo(hash);
	}

	@Test
	void registerWhenKindUnknownThenInvalidRequest() {
		assertThatExceptionOfType(InvalidClientRequestException.class)
			.isThrownBy(() -> this.clients.register(new RegisterClient("c-1", "n", "viewer", null)))
			.withMessage("kind must be one of content, auditor, administrator, gateway");
	}

	@Test
	void registerWhenKindIsGatewayThenInvalidRequestAndNothingStored() {
		assertThatExceptionOfType(InvalidClientRequestException.class)
			.isThrownBy(() -> this.clients.register(new RegisterClient("gw", "Gateway", "gateway", null)))
			.withMessageContaining("deployment's settings");
		assertThat(this.clients.find("gw")).isEmpty();
		assertThat(this.changed).isEmpty();
	}

	@Test
	void ensureConfiguredWhenGatewayMissingThenCreatesGatewayClient() {
		this.clients.ensureConfigured(ClientKind.GATEWAY, "auth-gateway", "gateway-secret-gateway-secret-gateway");
		assertThat(this.clients.find("auth-gateway"))
			.hasValueSatisfying((client) -> assertThat(client.kind()).isEqualTo(ClientKind.GATEWAY));
	}

	@Test
	void registerWhenNameMissingThenInvalidRequest() {
		assertThatExceptionOfType(InvalidClientRequestException.class)
			.isThrownBy(() -> this.clients.register(new RegisterClient("c-1", null, "content", null)))
			.withMessage("name cannot be blank");
	}

	@Test
	void registerWhenCommandNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clients.register(null))
			.withMessage("command cannot be null");
	}

	@Test
	void rotateSecretWhenClientExistsThenOldSecretStopsMatching() {
		Registration.Registered registered = (Registration.Registered) this.clients
			.register(new RegisterClient("c-42", "Dashboard", "content", null));
		ClientSecret rotated = this.clients.rotateSecret("c-42").orElseThrow();
		String hash = this.store.secretHashOf("c-42");
		assertThat(this.encoder.matches(rotated.value(), hash)).isTrue();
		assertThat(this.encoder.matches(registered.secret().value(), hash)).isFalse();
		assertThat(this.changed).containsExactly("c-42", "c-42");
	}

	@Test
	void rotateSecretWhenNoSuchClientThenEmpty() {
		assertThat(this.clients.rotateSecret("nobody")).isEmpty();
	}

	@Test
	void deleteWhenClientExistsThenGoneAndCacheTold() {
		this.clients.register(new RegisterClient("c-42", "Dashboard", "content", null));
		assertThat(this.clients.delete("c-42")).isTrue();
		assertThat(this.clients.find("c-42")).isEmpty();
		assertThat(this.clients.delete("c-42")).isFalse();
		assertThat(this.changed).contains("c-42");
	}

	@Test
	void ensureAdministratorWhenMissingThenCreates() {
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "bootstrap-secret-bootstrap-secret");
		assertThat(this.clients.find("admin"))
			.hasValueSatisfying((client) -> assertThat(client.kind()).isEqualTo(ClientKind.ADMINISTRATOR));
		assertThat(this.encoder.matches("bootstrap-secret-bootstrap-secret", this.store.secretHashOf("admin")))
			.isTrue();
	}

	@Test
	void ensureAdministratorWhenSecretChangedThenUpdatesIt() {
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "first-secret");
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "second-secret");
		assertThat(this.encoder.matches("second-secret", this.store.secretHashOf("admin"))).isTrue();
	}

	@Test
	void ensureAdministratorWhenExistingContentClientThenMakesItAdministrator() {
		this.clients.register(new RegisterClient("admin", "Dashboard", "content", null));
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "s");
		assertThat(this.clients.find("admin").orElseThrow().kind()).isEqualTo(ClientKind.ADMINISTRATOR);
	}

	@Test
	void ensureAdministratorWhenUnchangedThenTellsNobody() {
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "s");
		this.changed.clear();
		this.clients.ensureConfigured(ClientKind.ADMINISTRATOR, "admin", "s");
		assertThat(this.changed).isEmpty();
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageClients(null, this.secrets, (id) -> {
		}, CLOCK)).withMessage("store cannot be null");
	}

	@Test
	void constructorWhenEncoderNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageClients(this.store, null, (id) -> {
		}, CLOCK)).withMessage("secretEncoder cannot be null");
	}

	@Test
	void constructorWhenChangesNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageClients(this.store, this.secrets, null, CLOCK))
			.withMessage("changes cannot be null");
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageClients(this.store, this.secrets, (id) -> {
		}, null)).withMessage("clock cannot be null");
	}

}
