package dev.lanyard.tokenbroker.config;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.AuditedAccessTokenResponseHandler;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.ContentSessionTokenCustomizer;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.OAuth2ErrorResponseHandler;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.StatelessClientCredentialsAuthorizationService;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the authorization server's endpoints (token, JWKS, metadata), and
 * everything else: the admin API behind a bearer JWT with role administrator, health
 * open, the rest denied. No sessions, no cookies: every request carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
			OAuth2AuthorizationService authorizations, IssuanceAuditTrail auditTrail, Clock clock) {
		OAuth2ErrorResponseHandler tokenErrors = new OAuth2ErrorResponseHandler();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.tokenEndpoint((token) -> token
					.accessTokenResponseHandler(new AuditedAccessTokenResponseHandler(auditTrail, clock))
					.errorResponseHandler(tokenErrors))
				.oidc(Customizer.withDefaults());
		});
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

	/** Authorities from the {@code roles} claim, as {@code ROLE_<role>}. */
	private static JwtAuthenticationConverter rolesConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ContentSessionTokenCustomizer.ROLES);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

}
