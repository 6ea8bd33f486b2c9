package dev.lanyard.tokenbroker.federation;

import java.net.http.HttpClient;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;
import dev.lanyard.tokenbroker.external.ExternalServicesProperties;
import dev.lanyard.tokenbroker.external.adapter.http.ExternalCallPolicies;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.federation.adapter.http.ProvisioningFederatedUsers;
import dev.lanyard.tokenbroker.federation.adapter.jdbc.JdbcFederationTrusts;
import dev.lanyard.tokenbroker.federation.adapter.jdbc.JdbcReplayCache;
import dev.lanyard.tokenbroker.federation.adapter.jose.IssuerKeys;
import dev.lanyard.tokenbroker.federation.adapter.jose.NimbusFederatedTokenVerifier;
import dev.lanyard.tokenbroker.federation.adapter.jose.OutboundResourceRetriever;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationClientAuthentication;
import dev.lanyard.tokenbroker.federation.adapter.oauth.JwtFederatedTokenSigner;
import dev.lanyard.tokenbroker.federation.application.ExchangeFederatedToken;
import dev.lanyard.tokenbroker.federation.application.FederatedUsers;
import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.federation.application.JustInTimeUsers;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Identity federation: the trust rules' read model, the verifier of presented JWTs (keys
 * fetched only from addresses the shared outbound policy allows), the shared {@code jti}
 * cache, and the grant's client authentication and provider.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	FederationTrusts federationTrusts(JdbcClient jdbc, JsonMapper json) {
		return new JdbcFederationTrusts(jdbc, json);
	}

	@Bean
	FederationClientAuthentication federationClientAuthentication() {
		return new FederationClientAuthentication();
	}

	/**
	 * The use case only: the grant's {@code AuthenticationProvider} is made by the
	 * security configuration. An {@code AuthenticationProvider} bean would become the
	 * global authentication manager, the token endpoint's parent, which re-ran every
	 * refused federation grant a second time (recording it twice, the second time as
	 * {@code jti-replayed}, and answering that instead of the first refusal).
	 */
	@Bean
	ExchangeFederatedToken exchangeFederatedToken(FederationTrusts trusts, JdbcClient jdbc, UserReadModel users,
			AwaitUser arrivals, IssueInternalServiceToken internalTokens, JsonMapper json, JwtEncoder jwtEncoder,
			TokenSigning signing, OAuth2TokenCustomizer<JwtEncodingContext> lanyardJwtCustomizer,
			RegisteredClientRepository clients, FederationProperties federation, ExternalServicesProperties external,
			IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock) {
		VettedResolver addresses = new VettedResolver(new AddressPolicy(external.allowPrivateEndpoints()),
				HostResolver.system());
		IssuerKeys keys = new IssuerKeys(
				new OutboundResourceRetriever(OutboundHttp.create(addresses, external.externalTimeout())),
				federation.keysCacheTimeToLive(), federation.keysRefreshInterval());
		JwtGenerator contentTokens = new JwtGenerator(jwtEncoder);
		contentTokens.setJwtCustomizer(lanyardJwtCustomizer);
		contentTokens.setClock(clock);
		FederatedUsers federatedUsers = new FederatedUsers(users);
		// user-provisioning is an internal service: the plain client, as for
		// integration-registry
		ProvisioningFederatedUsers provisioning = new ProvisioningFederatedUsers(federation.userProvisioningUrl(),
				HttpClient.newBuilder()
					.connectTimeout(external.externalTimeout())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build(),
				json, external.externalTimeout(), internalTokens, ExternalCallPolicies.retry("user-provisioning",
						external.externalRetryAttempts(), external.externalRetryBackoff()));
		ExchangeFederatedToken exchange = new ExchangeFederatedToken(
				new NimbusFederatedTokenVerifier(trusts, keys, clock),
				new JdbcReplayCache(jdbc, clock, federation.replayCacheSize()), federatedUsers,
				new JustInTimeUsers(provisioning, arrivals, federatedUsers, federation.userArrivalTimeout()),
				new JwtFederatedTokenSigner(signing, clients, contentTokens, clock), auditTrail, denials,
				federation.tokenTimeToLive(), clock);
		return exchange;
	}

}
