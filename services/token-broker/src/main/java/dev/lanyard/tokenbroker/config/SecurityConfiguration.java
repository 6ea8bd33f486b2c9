package dev.lanyard.tokenbroker.config;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.clients.GatewayClientProperties;
import dev.lanyard.tokenbroker.throttling.ThrottlingProperties;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.exchange.application.IssueViewerCredential;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.TokenExchangeAuthenticationConverter;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.TokenExchangeAuthenticationProvider;
import dev.lanyard.tokenbroker.exchange.adapter.oauth.VerifiedSubjectTokens;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.ClientCredentialsGrant;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.OAuth2ErrorResponseHandler;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenResponseHandler;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.StatelessClientCredentialsAuthorizationService;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.UserSessionGrantAuthenticationConverter;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.UserSessionGrantAuthenticationProvider;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.IssueUserSessionToken;
import dev.lanyard.tokenbroker.throttling.adapter.web.TokenEndpointThrottle;
import dev.lanyard.tokenbroker.throttling.application.FailedAuthentications;
import dev.lanyard.tokenbroker.web.ProblemAccessDeniedHandler;
import dev.lanyard.tokenbroker.web.ProblemAuthenticationEntryPoint;
import dev.lanyard.tokenbroker.web.ProblemDetailsWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the authorization server's endpoints (token, JWKS, metadata), and
 * everything else: the admin API behind a bearer JWT with role administrator, the
 * viewer's connections API behind a user session token, health open, the rest denied. No
 * sessions, no cookies: every request carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The one authority of a connections token: {@code /api/connections/**} (reached
	 * through the gateway, which adds the signed-in user's token) takes no other token,
	 * not the user session tokens content holds.
	 */
	static final String USER_SESSION_AUTHORITY = "LANYARD_USER_SESSION";

	@Bean
	AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
		return AuthorizationServerSettings.builder().issuer(tokens.issuerUrl()).build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new StatelessClientCredentialsAuthorizationService(new InMemoryOAuth2AuthorizationService());
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
	ProblemDetailsWriter problemDetailsWriter(JsonMapper json) {
		return new ProblemDetailsWriter(json);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, ClientCredentialsGrant clientCredentials, Clock clock,
			IssueUserSessionToken issueUserSessionToken, IssueServiceAccountCredential issueServiceAccountCredential,
			IssueViewerCredential issueViewerCredential, JwtDecoder jwtDecoder, GatewayClientProperties gateway,
			EndedSessions endedSessions, ThrottlingProperties throttling) {
		OAuth2ErrorResponseHandler tokenErrors = new OAuth2ErrorResponseHandler();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.tokenEndpoint(
						(token) -> token.accessTokenRequestConverter(new UserSessionGrantAuthenticationConverter())
							.authenticationProvider(new UserSessionGrantAuthenticationProvider(issueUserSessionToken,
									clients, gateway.gatewayClientId()))
							.accessTokenRequestConverter(new TokenExchangeAuthenticationConverter())
							.authenticationProvider(new TokenExchangeAuthenticationProvider(
									new VerifiedSubjectTokens(jwtDecoder, clock, 100_000), clients,
									issueServiceAccountCredential, issueViewerCredential, endedSessions))
							.accessTokenRequestConverters(clientCredentials::replaceConverter)
							.authenticationProviders(clientCredentials::replaceProvider)
							.accessTokenResponseHandler(new RecordedAccessTokenResponseHandler())
							.errorResponseHandler(tokenErrors))
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
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/token")));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.disable());
		// before client authentication (the authorization server adds it right after the
		// pre-authentication filter); not a bean: Boot would register it a second time
		// with the servlet container
		http.addFilterBefore(new TokenEndpointThrottle(
				new FailedAuthentications(throttling.failuresPerClient(), throttling.window(), 100_000, clock),
				new FailedAuthentications(throttling.failuresPerAddress(), throttling.window(), 100_000, clock),
				throttling.trustedProxies()), AbstractPreAuthenticatedProcessingFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, ProblemDetailsWriter problems) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
		http.authorizeHttpRequests((authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/api/admin/**")
			.hasRole(ClientKind.ADMINISTRATOR.value())
			.requestMatchers("/api/connections", "/api/connections/**")
			.hasAuthority(USER_SESSION_AUTHORITY)
			.anyRequest()
			.denyAll());
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(rolesConverter()))
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * Authorities from the {@code roles} claim, as {@code ROLE_<role>}, of client tokens
	 * (content session tokens) only: a user session token is handed to content, and the
	 * content must not administer anything with it, whatever the user's role. A
	 * connections token carries {@link #USER_SESSION_AUTHORITY} alone; any other token
	 * nothing.
	 */
	private static JwtAuthenticationConverter rolesConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			if (!ServiceTokens.ACCESS_TOKEN_TYP.equals(jwt.getHeaders().get("typ"))) {
				return List.of();
			}
			String type = jwt.getClaimAsString(TokenClaims.TOKEN_TYPE);
			if (TokenIssuance.CONTENT_SESSION.equals(type)) {
				return authorities.convert(jwt);
			}
			if (TokenIssuance.USER_CONNECTIONS.equals(type) && jwt.getSubject() != null
					&& !jwt.getSubject().isBlank()) {
				return List.of(new SimpleGrantedAuthority(USER_SESSION_AUTHORITY));
			}
			return List.of();
		});
		return converter;
	}

}
