package dev.lanyard.tokenbroker.external;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;

import dev.lanyard.tokenbroker.external.adapter.http.ExternalCallPolicies;
import dev.lanyard.tokenbroker.external.adapter.http.HttpExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.adapter.http.RegistryIntegrationSecrets;
import dev.lanyard.tokenbroker.external.adapter.http.ResilientExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.adapter.http.TimedExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.adapter.oauth.JwtInternalTokenSigner;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Calls out of the service: external token endpoints behind Resilience4j (for the token
 * exchange and the viewer connect flow alike), and integrations' client secrets from
 * integration-registry.
 */
@Configuration(proxyBeanMethods = false)
class ExternalServicesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ExternalServicesConfiguration.class);

	/** Internal-service tokens live one minute. */
	private static final Duration INTERNAL_TOKEN_TIME_TO_LIVE = Duration.ofSeconds(60);

	private static HttpClient httpClient(ExternalServicesProperties exchange) {
		return HttpClient.newBuilder()
			.connectTimeout(exchange.externalTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Every external token endpoint call (all grants) goes through this one: each host
	 * resolved once, vetted by the shared outbound policy, and only the vetted address
	 * connected to. (integration-registry, an internal service, is called by the plain
	 * client above.)
	 */
	@Bean
	ResilientExternalTokenEndpoint externalTokenEndpoint(ExternalServicesProperties exchange, JsonMapper json,
			Clock clock, MeterRegistry meters) {
		if (exchange.allowPrivateEndpoints()) {
			log.warn("lanyard.token-broker.allow-private-endpoints is on: external token endpoints may be on private"
					+ " and loopback addresses (never metadata services). For development only.");
		}
		VettedResolver addresses = new VettedResolver(new AddressPolicy(exchange.allowPrivateEndpoints()),
				HostResolver.system());
		HttpExternalTokenEndpoint http = new HttpExternalTokenEndpoint(
				OutboundHttp.create(addresses, exchange.externalTimeout()), json, clock);
		CircuitBreakerRegistry circuitBreakers = ExternalCallPolicies.circuitBreakers(
				exchange.circuitBreakerFailureRate(), exchange.circuitBreakerWindow(),
				Math.max(2, exchange.circuitBreakerWindow() / 2), exchange.circuitBreakerOpenDuration());
		// resilience4j_circuitbreaker_state{name=<integration id>, state=...}, one
		// breaker per integration as it is first called
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
		return new ResilientExternalTokenEndpoint(new TimedExternalTokenEndpoint(http, meters),
				ExternalCallPolicies.retry("external-token-endpoint", exchange.externalRetryAttempts(),
						exchange.externalRetryBackoff()),
				circuitBreakers, ExternalCallPolicies.bulkheads(exchange.bulkheadMaxConcurrentCalls(), Duration.ZERO));
	}

	/**
	 * token-broker's own tokens for its calls to integration-registry and
	 * user-provisioning.
	 */
	@Bean
	IssueInternalServiceToken internalServiceTokens(IssuanceAuditTrail auditTrail, TokenSigning signing, Clock clock) {
		return new IssueInternalServiceToken(new JwtInternalTokenSigner(signing), auditTrail,
				INTERNAL_TOKEN_TIME_TO_LIVE, clock);
	}

	@Bean
	RegistryIntegrationSecrets integrationSecrets(IssueInternalServiceToken internalTokens,
			ExternalServicesProperties exchange, JsonMapper json) {
		return new RegistryIntegrationSecrets(exchange.integrationRegistryUrl(), httpClient(exchange), json,
				exchange.externalTimeout(), internalTokens, ExternalCallPolicies.retry("integration-registry",
						exchange.externalRetryAttempts(), exchange.externalRetryBackoff()));
	}

}
