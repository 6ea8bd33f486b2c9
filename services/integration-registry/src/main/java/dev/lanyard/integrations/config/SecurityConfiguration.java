package dev.lanyard.integrations.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.security.ResourceServerSecurity;
import dev.lanyard.platform.security.TokenAccess;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenAuthorities;
import dev.lanyard.platform.security.SecurityProblems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every API call carries a bearer JWT signed by token-broker (ES256 or RS256, checked
 * against {@code lanyard.integrations.jwk-set-uri}) with {@code iss} equal to
 * {@code lanyard.integrations.issuer}; its {@code lanyard_token_type} decides what it may
 * do. A content-session or user-session token may list templates; the integrations API
 * needs a content-session token with the role {@code administrator} (an administrator's
 * user-session token, which content holds, is refused); the internal secret endpoint
 * needs an internal-service token with the role {@code token-broker} and the audience
 * {@code integration-registry}. The rest of the chain (refusals as problem details naming
 * what is missing, health open, everything else denied) is
 * {@link ResourceServerSecurity}; refusals on the internal API are logged besides.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINISTRATOR = "administrator";

	static final String TOKEN_BROKER = "token-broker";

	/**
	 * The {@code aud} token-broker's internal-service tokens for this service carry; a
	 * token it minted for another service is refused here.
	 */
	static final String INTERNAL_AUDIENCE = "integration-registry";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain integrationsSecurity(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper) {
		SecurityProblems problems = new SecurityProblems(jsonMapper);
		return ResourceServerSecurity.of(jwtDecoder, jsonMapper)
			.withRefusals(unauthorized(problems), forbidden(problems))
			.build(http,
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/integration-templates")
						.access(TokenAccess.of("Listing integration templates", TokenAuthorities.CONTENT_SESSION,
								TokenAuthorities.USER_SESSION))
						.requestMatchers("/api/integrations", "/api/integrations/**", "/api/integration-secrets/**")
						.access(TokenAccess.of("Managing integrations", TokenAuthorities.CONTENT_SESSION)
							.withRole(ADMINISTRATOR))
						.requestMatchers(HttpMethod.GET, "/internal/integrations/*/client-secret")
						.access(TokenAccess.of("Fetching client secrets", TokenAuthorities.INTERNAL_SERVICE)
							.withRole(TOKEN_BROKER)
							.withAudience(INTERNAL_AUDIENCE)));
	}

	@Bean
	JwtDecoder jwtDecoder(IntegrationsProperties properties) {
		// template listing also takes the user session tokens content holds
		return ServiceTokens.decoder(properties.jwkSetUri().toString(), properties.issuer().toString(),
				ServiceTokens.INTEGRATION_REGISTRY, ServiceTokens.ACCESS_TOKEN_TYP, ServiceTokens.USER_SESSION_TYP);
	}

	// A refused call to the internal API is worth a warning: only token-broker should
	// make one.
	static AuthenticationEntryPoint unauthorized(SecurityProblems problems) {
		return (request, response, ex) -> {
			if (request.getRequestURI().startsWith("/internal/")) {
				log.warn("Refused {} {}: no valid bearer token", request.getMethod(), request.getRequestURI());
			}
			problems.commence(request, response, ex);
		};
	}

	static AccessDeniedHandler forbidden(SecurityProblems problems) {
		return (request, response, ex) -> {
			String uri = request.getRequestURI();
			if (uri.startsWith("/internal/")) {
				Authentication caller = SecurityContextHolder.getContext().getAuthentication();
				log.warn("Refused {} {} to {}: {}", request.getMethod(), uri,
						(caller != null) ? caller.getName() : "nobody", TokenAccess.refusal(ex).orElse("Not allowed"));
			}
			problems.handle(request, response, ex);
		};
	}

}
