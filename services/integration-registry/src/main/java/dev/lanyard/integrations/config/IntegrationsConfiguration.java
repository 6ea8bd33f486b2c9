package dev.lanyard.integrations.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.adapter.http.HttpConnectionProbe;
import dev.lanyard.integrations.integration.adapter.http.HttpIssuerDiscovery;
import dev.lanyard.integrations.integration.adapter.jdbc.JdbcIntegrationStore;
import dev.lanyard.integrations.integration.adapter.jdbc.JdbcTransactions;
import dev.lanyard.integrations.integration.application.DeliverClientSecret;
import dev.lanyard.integrations.integration.application.FederationProbe;
import dev.lanyard.integrations.integration.application.IntegrationEvents;
import dev.lanyard.integrations.integration.application.IssuerDiscovery;
import dev.lanyard.integrations.integration.application.ManageIntegrations;
import dev.lanyard.integrations.integration.application.ResolveIssuerKeys;
import dev.lanyard.integrations.integration.application.TestIntegrationConnection;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.integrations.secrets.adapter.file.KeyEncryptionKeys;
import dev.lanyard.integrations.secrets.application.RewrapSecrets;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.adapter.jdbc.JdbcTemplateCatalog;
import dev.lanyard.integrations.templates.application.TemplateCatalog;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IntegrationsConfiguration.class);

	@Bean
	SecretCipher secretCipher(IntegrationsProperties settings) {
		IntegrationsProperties.KeyEncryption kek = settings.keyEncryption();
		SecretCipher cipher = KeyEncryptionKeys.cipher(kek.keys(), kek.keyFile(), kek.activeKeyId(),
				kek.generateKeyFile());
		log.info("Client secrets are sealed under key-encryption key {} (known: {})", cipher.activeKeyId(),
				cipher.keyIds());
		return cipher;
	}

	@Bean
	EndpointPolicy endpointPolicy(IntegrationsProperties settings) {
		if (settings.allowPrivateEndpoints()) {
			log.warn("lanyard.integrations.allow-private-endpoints is on: integrations may point at private and"
					+ " loopback addresses, and at http on loopback (never at metadata services). For development"
					+ " only.");
		}
		return new EndpointPolicy(settings.allowPrivateEndpoints(), HostResolver.system());
	}

	@Bean
	TemplateCatalog templateCatalog(JdbcClient jdbc) {
		return new JdbcTemplateCatalog(jdbc);
	}

	@Bean
	JdbcIntegrationStore integrationStore(JdbcClient jdbc) {
		return new JdbcIntegrationStore(jdbc);
	}

	/** Discovery documents and JWK Sets, bounded like the connection test. */
	@Bean
	IssuerDiscovery issuerDiscovery(EndpointPolicy endpoints, IntegrationsProperties settings) {
		return new HttpIssuerDiscovery(endpoints.addresses(), settings.connectionTestTimeout());
	}

	@Bean
	ResolveIssuerKeys resolveIssuerKeys(EndpointPolicy endpoints, IssuerDiscovery discovery) {
		return new ResolveIssuerKeys(endpoints, discovery);
	}

	@Bean
	ManageIntegrations manageIntegrations(TemplateCatalog templates, EndpointPolicy endpoints, SecretCipher cipher,
			JdbcIntegrationStore store, IntegrationEvents events, PlatformTransactionManager transactions, Clock clock,
			ResolveIssuerKeys issuerKeys) {
		return new ManageIntegrations(templates, endpoints, cipher, store, events,
				new JdbcTransactions(new TransactionTemplate(transactions)), clock, new LibraryFederationSyntax(),
				issuerKeys);
	}

	@Bean
	DeliverClientSecret deliverClientSecret(JdbcIntegrationStore store, SecretCipher cipher) {
		return new DeliverClientSecret(store, cipher);
	}

	@Bean
	TestIntegrationConnection testIntegrationConnection(JdbcIntegrationStore store, SecretCipher cipher,
			EndpointPolicy endpoints, IntegrationsProperties settings, ResolveIssuerKeys issuerKeys,
			IssuerDiscovery discovery) {
		return new TestIntegrationConnection(store, cipher, endpoints,
				new HttpConnectionProbe(endpoints.addresses(), settings.connectionTestTimeout()),
				new FederationProbe(endpoints, issuerKeys, discovery));
	}

	@Bean
	RewrapSecrets rewrapSecrets(SecretCipher cipher, JdbcIntegrationStore store) {
		return new RewrapSecrets(cipher, store);
	}

	/**
	 * Re-wraps secrets sealed under an older key-encryption key before taking traffic.
	 */
	@Bean
	ApplicationRunner rewrapOnStartUp(RewrapSecrets rewrap, IntegrationsProperties settings) {
		return (arguments) -> {
			if (!settings.keyEncryption().rewrapOnStartUp()) {
				return;
			}
			RewrapSecrets.Report report = rewrap.run();
			if (report.rewrapped() > 0 || !report.unreadable().isEmpty()) {
				log.info("Re-wrapped {} client secrets under key-encryption key {}; {} could not be opened: {}",
						report.rewrapped(), report.activeKeyId(), report.unreadable().size(), report.unreadable());
			}
		};
	}

}
