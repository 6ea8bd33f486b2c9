package dev.lanyard.integrations.integration.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FixedResolver;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationChanged;
import dev.lanyard.integrations.integration.domain.IntegrationDraft;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.integration.domain.TestIntegrations;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.TestTemplates;
import dev.lanyard.integrations.templates.application.TemplateCatalog;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManageIntegrationsTest {

	private static final ChangeContext ADMIN = new ChangeContext("admin-1", "corr-1");

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();

	private final List<IntegrationChanged> published = new ArrayList<>();

	private boolean kafkaDown;

	private final SecretCipher cipher = new SecretCipher("kek-1", Map.of("kek-1", new byte[32]));

	private final ManageIntegrations manage = new ManageIntegrations(templates(),
			new EndpointPolicy(false, FixedResolver.publicNames()), this.cipher, this.store, (event) -> {
				if (this.kafkaDown) {
					throw new EventsUnavailableException("down", null);
				}
				this.published.add(event);
			}, this.store, Clock.fixed(NOW, ZoneOffset.UTC), new LibraryFederationSyntax(),
			TestFederation.issuerKeys(new EndpointPolicy(false, FixedResolver.publicNames())));

	@Test
	void createWhenValidThenStoredWithSealedSecretAndSnapshotPublished() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("s3cret"), ADMIN);

		assertThat(created.secretVersion()).isEqualTo(1);
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.createdBy()).isEqualTo("admin-1");
		assertThat(this.store.find(created.id())).hasValue(created);
		assertThat(this.cipher.open(created.id(), this.store.secrets.get(created.id()).sealed())).isEqualTo("s3cret");
		assertThat(this.published).singleElement().satisfies((event) -> {
			assertThat(event.integration()).isEqualTo(created);
			assertThat(event.actorId()).isEqualTo("admin-1");
			assertThat(event.correlationId()).isEqualTo("corr-1");
			assertThat(event.occurredAt()).isEqualTo(NOW);
		});
	}

	@Test
	void createWhenSecretMissingThenRefusedAndNothingStored() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.create(serviceAccount("Warehouse"), null, ADMIN))
			.withMessage("clientSecret: is required");
		assertThat(this.store.live).isEmpty();
		assertThat(this.published).isEmpty();
	}

	@Test
	void createWhenNameTakenIgnoringCaseThenConflictAndNothingPublished() {
		this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		assertThatExceptionOfType(IntegrationNameTakenException.class)
			.isThrownBy(() -> this.manage.create(serviceAccount("WAREHOUSE"), new ClientSecret("b"), ADMIN));
		assertThat(this.published).hasSize(1);
	}

	@Test
	void createWhenKafkaDownThenEventsUnavailableAndNothingStored() {
		this.kafkaDown = true;
		assertThatExceptionOfType(EventsUnavailableException.class)
			.isThrownBy(() -> this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN));
		assertThat(this.store.live).isEmpty();
		assertThat(this.store.secrets).isEmpty();
	}

	@Test
	void updateWhenKafkaDownThenUnchanged() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		this.kafkaDown = true;
		assertThatExceptionOfType(EventsUnavailableException.class)
			.isThrownBy(() -> this.manage.update(created.id(), serviceAccount("Lakehouse"), ADMIN));
		assertThat(this.store.find(created.id())).hasValue(created);
	}

	@Test
	void updateWhenValidThenVersionUpAndSnapshot() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		Integration updated = this.manage.update(created.id(), serviceAccount("Lakehouse"), ADMIN);
		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.secretVersion()).isEqualTo(1);
		assertThat(updated.settings().name()).isEqualTo("Lakehouse");
		assertThat(this.published).last().satisfies((event) -> assertThat(event.integration()).isEqualTo(updated));
	}

	@Test
	void updateWhenUnknownThenNotFound() {
		assertThatExceptionOfType(IntegrationNotFoundException.class)
			.isThrownBy(() -> this.manage.update(UUID.randomUUID(), serviceAccount("X"), ADMIN));
	}

	@Test
	void rotateSecretWhenCalledThenVersionIncrementsAndNewSecretStored() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("old"), ADMIN);
		Integration rotated = this.manage.rotateSecret(created.id(), new ClientSecret("new"), ADMIN);
		assertThat(rotated.secretVersion()).isEqualTo(2);
		assertThat(this.cipher.open(created.id(), this.store.secrets.get(created.id()).sealed())).isEqualTo("new");
		assertThat(this.store.secrets.get(created.id()).secretVersion()).isEqualTo(2);
		assertThat(this.published).last()
			.satisfies((event) -> assertThat(event.integration().secretVersion()).isEqualTo(2));
	}

	@Test
	void linkContentWhenNewThenSnapshotCarriesItAndRelinkingChangesNothing() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		Integration linked = this.manage.linkContent(created.id(), "c-42", ADMIN);
		assertThat(linked.contentIds()).containsExactly("c-42");
		assertThat(this.published).hasSize(2);
		this.manage.linkContent(created.id(), "c-42", ADMIN);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void unlinkContentWhenNotLinkedThenNotFound() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		assertThatExceptionOfType(IntegrationNotFoundException.class)
			.isThrownBy(() -> this.manage.unlinkContent(created.id(), "c-1", ADMIN));
	}

	@Test
	void linkContentWhenContentIdMalformedThenRefused() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.linkContent(created.id(), "a b", ADMIN));
	}

	@Test
	void deleteWhenCalledThenDeletedSnapshotWithoutContentAndGone() {
		Integration created = this.manage.create(serviceAccount("Warehouse"), new ClientSecret("a"), ADMIN);
		this.manage.linkContent(created.id(), "c-42", ADMIN);
		this.manage.delete(created.id(), ADMIN);
		assertThat(this.published).last().satisfies((event) -> {
			assertThat(event.integration().deleted()).isTrue();
			assertThat(event.integration().contentIds()).isEmpty();
		});
		assertThatExceptionOfType(IntegrationNotFoundException.class).isThrownBy(() -> this.manage.find(created.id()));
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageIntegrations(templates(),
				new EndpointPolicy(false, FixedResolver.publicNames()), this.cipher, this.store, (event) -> {
				}, this.store, null, new LibraryFederationSyntax(),
				TestFederation.issuerKeys(new EndpointPolicy(false, FixedResolver.publicNames()))))
			.withMessage("clock cannot be null");
	}

	private static IntegrationDraft serviceAccount(String name) {
		return TestIntegrations.draft("custom", "service-account")
			.name(name)
			.tokenEndpoint("https://idp.example.com/token")
			.build();
	}

	private static TemplateCatalog templates() {
		return new TemplateCatalog() {
			@Override
			public List<IntegrationTemplate> all() {
				return List.of(TestTemplates.custom(), TestTemplates.entra(), TestTemplates.github());
			}

			@Override
			public java.util.Optional<IntegrationTemplate> find(String id) {
				return TestTemplates.find(id);
			}
		};
	}

}
