package dev.lanyard.integrations.integration.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FixedResolver;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationChanged;
import dev.lanyard.integrations.integration.domain.IntegrationDraft;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.integration.domain.TestFederations;
import dev.lanyard.integrations.integration.domain.TestIntegrations;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.TestTemplates;
import dev.lanyard.integrations.templates.application.TemplateCatalog;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;
import dev.lanyard.integrations.testing.FakeIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Federation integrations through the use case: no secret, discovery, what they refuse.
 */
class ManageFederationIntegrationsTest {

	private static final ChangeContext ADMIN = new ChangeContext("admin-1", "corr-1");

	private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();

	private final List<IntegrationChanged> published = new ArrayList<>();

	private final SecretCipher cipher = new SecretCipher("kek-1", Map.of("kek-1", new byte[32]));

	private final EndpointPolicy development = new EndpointPolicy(true, FixedResolver.publicNames());

	private final FakeIssuer issuer = new FakeIssuer();

	private final ManageIntegrations manage = new ManageIntegrations(templates(), this.development, this.cipher,
			this.store, this.published::add, this.store,
			Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), new LibraryFederationSyntax(),
			TestFederation.issuerKeys(this.development));

	@AfterEach
	void stop() {
		this.issuer.close();
	}

	@Test
	void createWhenFederationThenNoSecretStoredAndSecretVersionZero() {
		Integration created = this.manage.create(oidc(), null, ADMIN);
		assertThat(created.secretVersion()).isZero();
		assertThat(this.store.secretOf(created.id())).isEmpty();
		assertThat(this.published).singleElement()
			.satisfies((event) -> assertThat(event.integration().settings().federation()).isNotNull());
	}

	@Test
	void createWhenFederationWithClientSecretThenRefusedAndNothingStored() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.create(oidc(), new ClientSecret("s3cret"), ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("clientSecret"));
		assertThat(this.store.list()).isEmpty();
		assertThat(this.published).isEmpty();
	}

	@Test
	void createWhenNoKeysGivenThenDiscoveredJwksUriStoredAndPublished() {
		IntegrationDraft draft = TestIntegrations.draft("oidc-federation", "oidc-federation")
			.clientId(null)
			.federation(TestFederations.oidc().issuer(this.issuer.issuer()).staticJwks(null).build())
			.build();
		Integration created = this.manage.create(draft, null, ADMIN);
		assertThat(created.settings().federation().jwksUri()).isEqualTo(this.issuer.issuer() + "/jwks");
		assertThat(this.published.getFirst().integration().settings().federation().jwksDiscovered()).isTrue();
	}

	@Test
	void createWhenDiscoveryFailsThenRefusedNamingIssuerAndNothingPublished() {
		IntegrationDraft draft = TestIntegrations.draft("oidc-federation", "oidc-federation")
			.clientId(null)
			.federation(TestFederations.oidc().issuer(this.issuer.issuer() + "/").staticJwks(null).build())
			.build();
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> this.manage.create(draft, null, ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("federation.issuer"));
		assertThat(this.published).isEmpty();
	}

	@Test
	void rotateSecretWhenFederationThenRefused() {
		Integration created = this.manage.create(oidc(), null, ADMIN);
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.rotateSecret(created.id(), new ClientSecret("s3cret"), ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("clientSecret"));
		assertThat(this.store.secretOf(created.id())).isEmpty();
	}

	@Test
	void linkContentWhenFederationThenRefused() {
		Integration created = this.manage.create(oidc(), null, ADMIN);
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.linkContent(created.id(), "content-1", ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("contentId"));
	}

	@Test
	void updateWhenFederationBecomesServiceAccountThenRefused() {
		Integration created = this.manage.create(oidc(), null, ADMIN);
		IntegrationDraft serviceAccount = TestIntegrations.draft("custom", "service-account")
			.tokenEndpoint("https://idp.example.com/token")
			.build();
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.manage.update(created.id(), serviceAccount, ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("kind"));
	}

	@Test
	void updateWhenRuleChangedThenNewVersionPublished() {
		Integration created = this.manage.create(oidc(), null, ADMIN);
		IntegrationDraft changed = TestIntegrations.draft("oidc-federation", "oidc-federation")
			.clientId(null)
			.federation(TestFederations.oidc().audiences(List.of("lanyard", "notebooks")).build())
			.build();
		Integration updated = this.manage.update(created.id(), changed, ADMIN);
		assertThat(updated.version()).isEqualTo(2);
		assertThat(this.published.getLast().integration().settings().federation().audiences())
			.containsExactly("lanyard", "notebooks");
	}

	private static IntegrationDraft oidc() {
		return TestIntegrations.draft("oidc-federation", "oidc-federation")
			.clientId(null)
			.federation(TestFederations.oidc().build())
			.build();
	}

	private static TemplateCatalog templates() {
		return new TemplateCatalog() {
			@Override
			public List<IntegrationTemplate> all() {
				return List.of(TestTemplates.custom(), TestTemplates.oidcFederation());
			}

			@Override
			public Optional<IntegrationTemplate> find(String id) {
				return TestTemplates.find(id);
			}
		};
	}

}
