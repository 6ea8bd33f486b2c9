package dev.lanyard.tokenbroker.custody;

import java.time.Clock;

import dev.lanyard.tokenbroker.custody.adapter.jdbc.JdbcUpstreamTokenStore;
import dev.lanyard.tokenbroker.custody.application.DelegatedViewerTokens;
import dev.lanyard.tokenbroker.custody.application.DepositUpstreamToken;
import dev.lanyard.tokenbroker.custody.application.DropUpstreamTokens;
import dev.lanyard.tokenbroker.custody.application.UpstreamTokenStore;
import dev.lanyard.tokenbroker.external.ExternalServicesProperties;
import dev.lanyard.tokenbroker.external.adapter.http.ResilientExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.sessions.UserSessionProperties;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SignIns;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Custody of users' upstream tokens: the store (sealed with the key-encryption key), the
 * gateway's deposit, their use for delegated viewer integrations, and their deletion at
 * sign-out and deactivation.
 */
@Configuration(proxyBeanMethods = false)
class CustodyConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	UpstreamTokenStore upstreamTokenStore(JdbcClient jdbc, KeyMaterialCipher keyMaterialCipher) {
		return new JdbcUpstreamTokenStore(jdbc, keyMaterialCipher);
	}

	@Bean
	DepositUpstreamToken depositUpstreamToken(UpstreamTokenStore store, SignIns signIns, EndedSessions endedSessions,
			UserSessionProperties sessions, Clock clock) {
		return new DepositUpstreamToken(store, signIns, endedSessions, sessions.browserSessionMaxAge(),
				sessions.userWaitTimeout(), clock);
	}

	@Bean
	DelegatedViewerTokens delegatedViewerTokens(UpstreamTokenStore store,
			ResilientExternalTokenEndpoint externalTokenEndpoint, IntegrationSecrets integrationSecrets,
			ExternalServicesProperties exchange, Clock clock) {
		return new DelegatedViewerTokens(store, externalTokenEndpoint, integrationSecrets,
				exchange.externalTokenRefreshBeforeExpiry(), exchange.externalTokenCacheMaximumSize(), clock);
	}

	@Bean
	DropUpstreamTokens dropUpstreamTokens(UpstreamTokenStore store) {
		return new DropUpstreamTokens(store);
	}

}
