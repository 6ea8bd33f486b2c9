package dev.lanyard.tokenbroker.exchange;

import java.time.Clock;

import dev.lanyard.tokenbroker.connections.application.ConnectionLinks;
import dev.lanyard.tokenbroker.connections.application.ViewerTokens;
import dev.lanyard.tokenbroker.custody.application.DelegatedViewerTokens;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.exchange.application.IssueViewerCredential;
import dev.lanyard.tokenbroker.exchange.application.ServiceAccountTokenCache;
import dev.lanyard.tokenbroker.external.ExternalServicesProperties;
import dev.lanyard.tokenbroker.external.adapter.http.RegistryIntegrationSecrets;
import dev.lanyard.tokenbroker.external.adapter.http.ResilientExternalTokenEndpoint;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RFC 8693 token exchange: the use cases behind the grant, for service-account
 * integrations (with their token cache) and for viewer integrations.
 */
@Configuration(proxyBeanMethods = false)
class TokenExchangeConfiguration {

	@Bean
	IssueServiceAccountCredential issueServiceAccountCredential(IntegrationReadModel integrations, UserReadModel users,
			IssuanceAuditTrail auditTrail, DenialRecorder denials, ResilientExternalTokenEndpoint externalTokenEndpoint,
			RegistryIntegrationSecrets integrationSecrets, ExternalServicesProperties exchange, Clock clock) {
		ServiceAccountTokenCache cache = new ServiceAccountTokenCache(externalTokenEndpoint, integrationSecrets,
				exchange.externalTokenRefreshBeforeExpiry(), exchange.externalTokenCacheMaximumSize(), clock);
		return new IssueServiceAccountCredential(integrations, users, cache, auditTrail, denials, clock);
	}

	@Bean
	IssueViewerCredential issueViewerCredential(IntegrationReadModel integrations, UserReadModel users,
			ViewerTokens tokens, ConnectionLinks links, IssuanceAuditTrail auditTrail, DenialRecorder denials,
			Clock clock, DelegatedViewerTokens delegatedTokens) {
		return new IssueViewerCredential(integrations, users, tokens, links, auditTrail, denials, clock,
				delegatedTokens);
	}

}
