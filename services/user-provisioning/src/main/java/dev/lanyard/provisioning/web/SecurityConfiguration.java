package dev.lanyard.provisioning.web;

import dev.lanyard.platform.security.ResourceServerSecurity;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenAccess;
import dev.lanyard.platform.security.TokenAuthorities;
import dev.lanyard.provisioning.config.AdminApiProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only a bearer JWT from token-broker whose {@code iss} is
 * {@code lanyard.provisioning.issuer}, whose signature checks against
 * {@code lanyard.provisioning.jwk-set-uri}, whose {@code lanyard_token_type} is
 * {@code content-session} and whose {@code roles} claim holds {@code administrator} may
 * use the admin API: an administrator's user-session token, which content holds, may not.
 * Only token-broker's {@code internal-service} token (role {@code token-broker}) may ask
 * for a just-in-time federated user; the gateway never routes {@code /internal/**}. The
 * rest of the chain (refusals as problem details, health open, everything else denied) is
 * {@link ResourceServerSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain provisioningSecurity(HttpSecurity http, AdminApiProperties properties, JsonMapper jsonMapper) {
		return ResourceServerSecurity
			.forAudience(properties.jwkSetUri(), properties.issuer(), ServiceTokens.USER_PROVISIONING, jsonMapper)
			.build(http,
					(requests) -> requests.requestMatchers("/api/admin/**")
						.access(TokenAccess.of("Managing users and groups", TokenAuthorities.CONTENT_SESSION)
							.withRole("administrator"))
						.requestMatchers(HttpMethod.POST, "/internal/federated-users")
						.access(TokenAccess.of("Creating federated users", TokenAuthorities.INTERNAL_SERVICE)
							.withRole(ServiceTokens.TOKEN_BROKER)
							.withAudience(ServiceTokens.USER_PROVISIONING)));
	}

}
