package dev.lanyard.tokenbroker.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.exchange.adapter.http.ExternalCallPolicies;
import dev.lanyard.tokenbroker.exchange.adapter.http.HttpExternalTokenEndpoint;
import dev.lanyard.tokenbroker.exchange.adapter.http.RegistryIntegrationSecrets;
import dev.lanyard.tokenbroker.exchange.adapter.http.ResilientExternalTokenEndpoint;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.JwtInternalTokenSigner;
import dev.lanyard.tokenbroker.exchange.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.exchange.application.ServiceAccountTokenCache;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * RFC 8693 token exchange for service-account integrations: the external token endpoint
 * behind Resilience4j, client secrets from integration-registry, the token cache and the
 * use case.
 */
@Configuration(proxyBeanMethods = false)
class TokenExchangeConfiguration {

	/** Internal-service tokens live one minute. */
	private static final Duration INTERNAL_TOKEN_TIME_TO_LIVE = Duration.ofSeconds(60);

	@Bean
	IssueServiceAccountCredential issueServiceAccountCredential(IntegrationReadModel integrations,
			IssuanceAuditTrail auditTrail, JwtEncoder jwtEncoder, TokenProperties tokens,
			TokenExchangeProperties exchange, JsonMapper json, Clock clock) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(exchange.externalTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		ResilientExternalTokenEndpoint endpoint = new ResilientExternalTokenEndpoint(
				new HttpExternalTokenEndpoint(http, json, exchange.externalTimeout(), clock),
				ExternalCallPolicies.retry("external-token-endpoint", exchange.externalRetryAttempts(),
						exchange.externalRetryBackoff()),
				ExternalCallPolicies.circuitBreakers(exchange.circuitBreakerFailureRate(),
						exchange.circuitBreakerWindow(), Math.max(2, exchange.circuitBreakerWindow() / 2),
						exchange.circuitBreakerOpenDuration()),
				ExternalCallPolicies.bulkheads(exchange.bulkheadMaxConcurrentCalls(), Duration.ZERO));
		IssueInternalServiceToken internalTokens = new IssueInternalServiceToken(new JwtInternalTokenSigner(jwtEncoder,
				SignatureAlgorithm.from(tokens.signingAlgorithm().name()), tokens.issuerUrl()), auditTrail,
				INTERNAL_TOKEN_TIME_TO_LIVE, clock);
		RegistryIntegrationSecrets secrets = new RegistryIntegrationSecrets(exchange.integrationRegistryUrl(), http,
				json, exchange.externalTimeout(), internalTokens, ExternalCallPolicies.retry("integration-registry",
						exchange.externalRetryAttempts(), exchange.externalRetryBackoff()));
		ServiceAccountTokenCache cache = new ServiceAccountTokenCache(endpoint, secrets,
				exchange.externalTokenRefreshBeforeExpiry(), exchange.externalTokenCacheMaximumSize(), clock);
		return new IssueServiceAccountCredential(integrations, cache, auditTrail, clock);
	}

}
