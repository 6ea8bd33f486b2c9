package dev.lanyard.integrations.integration.application;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanyard.integrations.integration.adapter.http.HttpConnectionProbe;
import dev.lanyard.integrations.integration.application.TestIntegrationConnection.ConnectionTestResult;
import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FixedResolver;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.TestIntegrations;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.TestTemplates;
import dev.lanyard.integrations.templates.application.TemplateCatalog;
import dev.lanyard.integrations.templates.domain.IntegrationTemplate;
import dev.lanyard.integrations.testing.CountingListener;
import dev.lanyard.platform.outbound.HostResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestIntegrationConnectionTest {

	private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();

	private final SecretCipher cipher = new SecretCipher("kek-1", Map.of("kek-1", new byte[32]));

	/**
	 * DNS rebinding: the name answers a public address to the check and loopback to the
	 * next lookup. The connection test must never reach loopback.
	 */
	@Test
	void testWhenHostRebindsToLoopbackAfterTheCheckThenNeverConnectsToLoopback() {
		try (CountingListener loopback = new CountingListener()) {
			String endpoint = "https://localhost:" + loopback.port() + "/token";
			Integration saved = save(endpoint,
					new FixedResolver().with("localhost", "93.184.216.34").with("idp.example.com", "93.184.216.34"));
			AtomicInteger lookups = new AtomicInteger();
			HostResolver rebinding = (host) -> List
				.of(InetAddress.ofLiteral((lookups.getAndIncrement() == 0) ? "93.184.216.34" : "127.0.0.1"));
			EndpointPolicy policy = new EndpointPolicy(false, rebinding);
			TestIntegrationConnection connectionTest = new TestIntegrationConnection(this.store, this.cipher, policy,
					new HttpConnectionProbe(policy.addresses(), Duration.ofMillis(800)), TestFederation.probe(policy));

			ConnectionTestResult result = connectionTest.test(saved.id(), "admin-1");

			assertThat(result.ok()).isFalse();
			assertThat(result.checks()).singleElement()
				.satisfies((check) -> assertThat(check.error()).isEqualTo("endpoint_refused"));
			assertThat(lookups).as("the check's lookup, then the call's own").hasValue(2);
			assertThat(loopback.accepted()).as("connections that reached 127.0.0.1").isZero();
		}
	}

	private Integration save(String tokenEndpoint, HostResolver resolver) {
		ManageIntegrations manage = new ManageIntegrations(templates(), new EndpointPolicy(false, resolver),
				this.cipher, this.store, (event) -> {
				}, this.store, Clock.systemUTC(), new LibraryFederationSyntax(),
				TestFederation.issuerKeys(new EndpointPolicy(false, resolver)));
		return manage.create(TestIntegrations.draft("custom", "service-account").tokenEndpoint(tokenEndpoint).build(),
				new ClientSecret("s3cret"), new ChangeContext("admin-1", "corr-1"));
	}

	private static TemplateCatalog templates() {
		return new TemplateCatalog() {
			@Override
			public List<IntegrationTemplate> all() {
				return List.of(TestTemplates.custom());
			}

			@Override
			public java.util.Optional<IntegrationTemplate> find(String id) {
				return TestTemplates.find(id);
			}
		};
	}

}
