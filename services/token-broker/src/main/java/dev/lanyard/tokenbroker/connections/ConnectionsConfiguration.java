package dev.lanyard.tokenbroker.connections;

import java.time.Clock;

import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.connections.adapter.jdbc.JdbcConnectionStore;
import dev.lanyard.tokenbroker.connections.application.CompleteConnection;
import dev.lanyard.tokenbroker.connections.application.ConnectionLinks;
import dev.lanyard.tokenbroker.connections.application.ConnectionStore;
import dev.lanyard.tokenbroker.connections.application.ForgetDeactivatedUser;
import dev.lanyard.tokenbroker.connections.application.ManageConnections;
import dev.lanyard.tokenbroker.connections.application.StartConnection;
import dev.lanyard.tokenbroker.connections.application.ViewerTokens;
import dev.lanyard.tokenbroker.external.ExternalServicesProperties;
import dev.lanyard.tokenbroker.external.adapter.http.ResilientExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.issuance.application.RevocationRecorder;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Viewer integrations: the connect flow, the stored connections (refresh tokens sealed
 * with the key-encryption key) and users' access tokens.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	ConnectionStore connectionStore(JdbcClient jdbc, KeyMaterialCipher keyMaterialCipher) {
		return new JdbcConnectionStore(jdbc, keyMaterialCipher);
	}

	@Bean
	ConnectionLinks connectionLinks(TokenProperties tokens) {
		return new ConnectionLinks(tokens.issuerUrl());
	}

	@Bean
	ViewerTokens viewerTokens(ConnectionStore store, ResilientExternalTokenEndpoint externalTokenEndpoint,
			IntegrationSecrets integrationSecrets, ExternalServicesProperties exchange, Clock clock) {
		return new ViewerTokens(store, externalTokenEndpoint, integrationSecrets,
				exchange.externalTokenRefreshBeforeExpiry(), exchange.externalTokenCacheMaximumSize(), clock);
	}

	@Bean
	StartConnection startConnection(IntegrationReadModel integrations, UserReadModel users, ConnectionStore store,
			ConnectionLinks links, ConnectionProperties connections, Clock clock) {
		return new StartConnection(integrations, users, store, links, connections.connectAttemptTimeToLive(), clock);
	}

	@Bean
	CompleteConnection completeConnection(IntegrationReadModel integrations, UserReadModel users, ConnectionStore store,
			IntegrationSecrets integrationSecrets, ResilientExternalTokenEndpoint externalTokenEndpoint,
			ViewerTokens tokens, ConnectionLinks links, Clock clock) {
		return new CompleteConnection(integrations, users, store, integrationSecrets, externalTokenEndpoint, tokens,
				links, clock);
	}

	@Bean
	ManageConnections manageConnections(ConnectionStore store, IntegrationReadModel integrations, ViewerTokens tokens,
			RevocationRecorder revocations, Clock clock) {
		return new ManageConnections(store, integrations, tokens, revocations, clock);
	}

	@Bean
	ForgetDeactivatedUser forgetDeactivatedUser(ConnectionStore store, ViewerTokens tokens,
			RevocationRecorder revocations) {
		return new ForgetDeactivatedUser(store, tokens, revocations);
	}

}
