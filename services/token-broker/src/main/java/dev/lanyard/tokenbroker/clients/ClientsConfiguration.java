package dev.lanyard.tokenbroker.clients;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.clients.adapter.jdbc.JdbcClientStore;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.adapter.oauth.PasswordEncoderClientSecrets;
import dev.lanyard.tokenbroker.clients.adapter.oauth.Sha256SecretEncoder;
import dev.lanyard.tokenbroker.clients.application.ClientStore;
import dev.lanyard.tokenbroker.clients.application.ManageClients;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Registered clients: their store, the cached view the token endpoint uses, the admin use
 * cases.
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClientsConfiguration.class);

	@Bean
	PasswordEncoder clientSecretEncoder() {
		return Sha256SecretEncoder.delegating();
	}

	@Bean
	@DependsOnDatabaseInitialization
	ClientStore clientStore(JdbcClient jdbc) {
		return new JdbcClientStore(jdbc);
	}

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(ClientStore store, ClientCacheProperties cache,
			TokenProperties tokens) {
		return new CachingRegisteredClientRepository(store, cache.timeToLive(), cache.maximumSize(),
				tokens.contentSessionTokenTimeToLive());
	}

	@Bean
	ManageClients manageClients(ClientStore store, PasswordEncoder clientSecretEncoder,
			CachingRegisteredClientRepository registeredClients, Clock clock) {
		return new ManageClients(store, new PasswordEncoderClientSecrets(clientSecretEncoder), registeredClients,
				clock);
	}

	/** Ensures the bootstrap administrator before the web server accepts requests. */
	@Bean
	SmartInitializingSingleton bootstrapAdministrator(BootstrapAdminProperties bootstrap, ManageClients clients) {
		return () -> {
			if (!bootstrap.enabled()) {
				return;
			}
			clients.ensureConfigured(ClientKind.ADMINISTRATOR, bootstrap.bootstrapAdminClientId(),
					bootstrap.bootstrapAdminClientSecret());
		};
	}

	/** Ensures the gateway's client, when configured, before requests are accepted. */
	@Bean
	SmartInitializingSingleton gatewayClient(GatewayClientProperties gateway, ManageClients clients) {
		return () -> {
			if (gateway.enabled()) {
				clients.ensureConfigured(ClientKind.GATEWAY, gateway.gatewayClientId(), gateway.gatewayClientSecret());
			}
			else {
				log.warn("No lanyard.token-broker.gateway-client-id: no user session token can be issued");
			}
		};
	}

}
