package dev.lanyard.provisioning.scim.auth.adapter.web;

import dev.lanyard.provisioning.scim.auth.ScimClientAuthentication;
import dev.lanyard.provisioning.scim.auth.application.AuthenticateScimClient;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain in front of {@code /scim/v2/**}, ahead of the admin API's: only an identity
 * provider's SCIM client secret (never a Lanyard JWT, which this chain does not decode)
 * authenticates, as a {@link ScimClientAuthentication} with authority
 * {@value ScimClientAuthentication#SCIM_CLIENT}. Spring Security's resource server reads
 * the {@code Authorization: Bearer} header (one header only, never a query parameter).
 * Refusals are SCIM errors ({@link ScimRefusals}); stateless, no CSRF (no cookies to
 * forge with).
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain scimSecurity(HttpSecurity http, AuthenticateScimClient clients, JsonMapper jsonMapper) {
		ScimRefusals refusals = new ScimRefusals(jsonMapper);
		AuthenticationManager scimClients = new ProviderManager(new ScimClientAuthenticationProvider(clients));
		http.securityMatcher("/scim/v2/**")
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.hasAuthority(ScimClientAuthentication.SCIM_CLIENT))
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.authenticationManagerResolver((request) -> scimClients)
						.authenticationEntryPoint(refusals)
						.accessDeniedHandler(refusals))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
