package dev.lanyard.provisioning.web;

import dev.lanyard.platform.security.TokenAccess;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenAuthorities;
import dev.lanyard.platform.web.SecurityProblems;
import dev.lanyard.provisioning.config.AdminApiProperties;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only a bearer JWT from token-broker whose {@code iss} is
 * {@code lanyard.provisioning.issuer}, whose signature checks against
 * {@code lanyard.provisioning.jwk-set-uri}, whose {@code lanyard_token_type} is
 * {@code content-session} and whose {@code roles} claim holds {@code administrator} may
 * use the admin API: an administrator's user-session token, which content holds, may not.
 * Refusals are problem details: 401 without a valid token, 403 naming the token type or
 * role that is missing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINISTRATOR = "administrator";

	static final String MANAGING = "Managing users and groups";

	@Bean
	SecurityFilterChain provisioningSecurity(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(jsonMapper);
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/api/admin/**")
			.access(TokenAccess.of(MANAGING, TokenAuthorities.CONTENT_SESSION).withRole(ADMINISTRATOR))
			.anyRequest()
			.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder)
					.jwtAuthenticationConverter(TokenAuthorities.authenticationConverter()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(AdminApiProperties properties) {
		return ServiceTokens.decoder(properties.jwkSetUri().toString(), properties.issuer().toString(),
				ServiceTokens.USER_PROVISIONING);
	}

}
