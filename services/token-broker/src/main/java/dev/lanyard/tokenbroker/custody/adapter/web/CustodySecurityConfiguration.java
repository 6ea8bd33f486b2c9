package dev.lanyard.tokenbroker.custody.adapter.web;

import java.nio.charset.StandardCharsets;

import dev.lanyard.tokenbroker.clients.GatewayClientProperties;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /internal/upstream-tokens} takes only the gateway's client, by HTTP Basic
 * against its registered secret (the one the token endpoint checks): only the gateway
 * sees the upstream tokens people sign in with. Anything else is a 401 problem.
 */
@Configuration(proxyBeanMethods = false)
class CustodySecurityConfiguration {

	static final String PATH = "/internal/upstream-tokens";

	@Bean
	@Order(0)
	SecurityFilterChain custodyFilterChain(HttpSecurity http, RegisteredClientRepository clients,
			PasswordEncoder clientSecretEncoder, GatewayClientProperties gateway) throws Exception {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(gatewayOnly(clients, gateway));
		provider.setPasswordEncoder(clientSecretEncoder);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader("WWW-Authenticate", "Basic realm=\"token-broker\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Only the gateway's client may deposit upstream tokens\"}"
					.getBytes(StandardCharsets.UTF_8));
		};
		return http.securityMatcher(PATH)
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

	/** The configured gateway client, and only it, with its encoded secret. */
	private static UserDetailsService gatewayOnly(RegisteredClientRepository clients, GatewayClientProperties gateway) {
		return (username) -> {
			RegisteredClient client = (gateway.enabled() && gateway.gatewayClientId().equals(username))
					? clients.findByClientId(username) : null;
			if (client == null || client.getClientSecret() == null || !ClientKind.GATEWAY.value()
				.equals(client.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING))) {
				throw new UsernameNotFoundException("Not the gateway's client");
			}
			return User.withUsername(username).password(client.getClientSecret()).authorities("ROLE_GATEWAY").build();
		};
	}

}
