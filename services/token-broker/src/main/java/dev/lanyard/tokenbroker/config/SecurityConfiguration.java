package dev.lanyard.tokenbroker.config;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.security.ResourceServerSecurity;
import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.clients.GatewayClientProperties;
import dev.lanyard.tokenbroker.throttling.ThrottlingProperties;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenAuthorities;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.delegation.DelegationProperties;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedToken;
import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.introspection.adapter.oauth.TokenIntrospectionProvider;
import dev.lanyard.tokenbroker.exchange.application.IssueViewerCredential;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.TokenExchangeAuthenticationConverter;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.TokenExchangeAuthenticationProvider;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.VerifiedSubjectTokens;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationClientAuthentication;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationGrantAuthenticationConverter;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationGrantAuthenticationProvider;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationGrants;
import dev.lanyard.tokenbroker.federation.application.ExchangeFederatedToken;
import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.ClientCredentialsGrant;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.OAuth2ErrorResponseHandler;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenResponseHandler;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.UserSessionGrantAuthenticationConverter;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.UserSessionGrantAuthenticationProvider;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.IssueUserSessionToken;
import dev.lanyard.tokenbroker.throttling.adapter.web.TokenEndpointThrottle;
import dev.lanyard.tokenbroker.throttling.application.FailedAuthentications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains: the authorization server's endpoints (token, JWKS, metadata), and
 * everything else: the admin API behind a bearer JWT with role administrator, the
 * viewer's connections API behind a user session token, health open, the rest denied. No
 * sessions, no cookies: every request carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
		return AuthorizationServerSettings.builder().issuer(tokens.issuerUrl()).build();
	}

	/**
	 * Spring Authorization Server wants one; none of Lanyard's grants saves an
	 * authorization in it (every token is a self-contained JWT whose record is its
	 * acknowledged TokenIssued event), so it stays empty.
	 */
	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

	/**
	 * No Micrometer observation around every security filter, authentication and
	 * authorization: at thousands of token requests a second that wrapping costs real CPU
	 * on two cores. Request-level metrics ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, ClientCredentialsGrant clientCredentials, Clock clock,
			IssueUserSessionToken issueUserSessionToken, IssueServiceAccountCredential issueServiceAccountCredential,
			IssueViewerCredential issueViewerCredential, JwtDecoder jwtDecoder, GatewayClientProperties gateway,
			EndedSessions endedSessions, ThrottlingProperties throttling, ExchangeFederatedToken exchangeFederatedToken,
			FederationClientAuthentication federationClients, IssueDelegatedToken issueDelegatedToken,
			JWKSource<SecurityContext> jwkSource, TokenProperties tokens, UserReadModel users,
			DelegationProperties delegation) {
		OAuth2ErrorResponseHandler tokenErrors = new OAuth2ErrorResponseHandler();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				// identity federation: the presented JWT is the credential (see
				// FederationClientAuthentication); every other grant is unchanged
				.clientAuthentication((client) -> client.authenticationConverters(federationClients::addConverter)
					.authenticationProviders(federationClients::addProvider))
				.tokenEndpoint(
						// federation first: it claims the token exchanges of ID tokens
						// and JWTs
						(token) -> token.accessTokenRequestConverter(new FederationGrantAuthenticationConverter())
							.authenticationProvider(new FederationGrantAuthenticationProvider(exchangeFederatedToken,
									federationClients))
							.accessTokenRequestConverter(new UserSessionGrantAuthenticationConverter())
							.authenticationProvider(new UserSessionGrantAuthenticationProvider(issueUserSessionToken,
									clients, gateway.gatewayClientId()))
							.accessTokenRequestConverter(new TokenExchangeAuthenticationConverter())
							.authenticationProvider(new TokenExchangeAuthenticationProvider(
									new VerifiedSubjectTokens(jwtDecoder, clock, 100_000), clients,
									issueServiceAccountCredential, issueViewerCredential, endedSessions,
									issueDelegatedToken))
							.accessTokenRequestConverters(clientCredentials::replaceConverter)
							.authenticationProviders(clientCredentials::replaceProvider)
							.accessTokenResponseHandler(new RecordedAccessTokenResponseHandler())
							.errorResponseHandler(tokenErrors))
				// RFC 7662 for Lanyard's self-contained tokens; the default provider
				// reads stored authorizations, of which there are none
				.tokenIntrospectionEndpoint((introspection) -> introspection
					.authenticationProvider(TokenIntrospectionProvider.of(jwkSource, tokens.issuerUrl(), endedSessions,
							users, Set.copyOf(delegation.audienceValues())))
					.authenticationProviders((providers) -> providers
						.removeIf((provider) -> !(provider instanceof TokenIntrospectionProvider))))
				.oidc(Customizer.withDefaults());
		});
		// Every grant, token exchange included, needs an authenticated client: a subject
		// token alone is a bearer credential that may have leaked.
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// A token request without client credentials: RFC 6749's invalid_client, not an
		// empty 401.
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				(request, response, ex) -> tokenErrors.onAuthenticationFailure(request, response,
						new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
								"Client authentication is required", null))),
				new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/token"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/introspect"))));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.disable());
		// before client authentication (the authorization server adds it right after the
		// pre-authentication filter); not a bean: Boot would register it a second time
		// with the servlet container
		http.addFilterBefore(
				new TokenEndpointThrottle(
						new FailedAuthentications(throttling.failuresPerClient(), throttling.window(), 100_000, clock),
						new FailedAuthentications(throttling.failuresPerAddress(), throttling.window(), 100_000, clock),
						new FailedAuthentications(throttling.federationFailuresPerAddress(), throttling.window(),
								100_000, clock),
						FederationGrants::isFederation, throttling.trustedProxies()),
				AbstractPreAuthenticatedProcessingFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper json) {
		// this decoder also takes the token exchange's user session tokens: here only
		// access tokens get authorities
		return ResourceServerSecurity.of(jwtDecoder, json)
			.withAuthentication(TokenAuthorities.authenticationConverterForTypes(ServiceTokens.ACCESS_TOKEN_TYP))
			.build(http,
					(requests) -> requests.requestMatchers("/api/admin/**")
						.access(AuthorizationManagers.allOf(tokenType(TokenIssuance.CONTENT_SESSION),
								AuthorityAuthorizationManager.hasRole(ClientKind.ADMINISTRATOR.value())))
						.requestMatchers("/api/connections", "/api/connections/**")
						.access(AuthorizationManagers.allOf(
								AuthorizationManagers.anyOf(tokenType(TokenIssuance.USER_CONNECTIONS),
										tokenType(ExchangeFederatedToken.USER_FEDERATED)),
								SecurityConfiguration::namesUser)));
	}

	/**
	 * A user session token is handed to content, which must not administer anything with
	 * it whatever the user's role; a connections token (reached through the gateway,
	 * which adds the signed-in user's token) and a federated user's token (the person
	 * reaching Lanyard's API as themselves from another tool) are the only ones
	 * {@code /api/connections/**} takes.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> tokenType(String type) {
		return AuthorityAuthorizationManager.hasAuthority(TokenAuthorities.TOKEN_TYPE_PREFIX + type);
	}

	private static AuthorizationResult namesUser(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken jwt
				&& jwt.getToken().getSubject() != null && !jwt.getToken().getSubject().isBlank());
	}

}
