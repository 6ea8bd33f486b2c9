package dev.lanyard.platform.security;

import java.net.URI;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The chain every Lanyard resource service puts in front of its API, so a service
 * declares only which paths take which tokens: bearer JWTs checked by the given decoder
 * (usually {@link ServiceTokens#decoder}), authorities from {@link TokenAuthorities},
 * refusals as problem details ({@link SecurityProblems}), health open, error dispatches
 * open (their request was authorized already), everything the service did not name
 * denied, no session, no request cache, no CSRF (no cookies to forge with).
 */
public final class ResourceServerSecurity {

	/** Path → access rules, as a service declares them. */
	public interface Rules extends
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {

	}

	private final JwtDecoder decoder;

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> authentication;

	private final AuthenticationEntryPoint unauthorized;

	private final AccessDeniedHandler forbidden;

	private final SecurityProblems problems;

	private ResourceServerSecurity(JwtDecoder decoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> authentication, AuthenticationEntryPoint unauthorized,
			AccessDeniedHandler forbidden, SecurityProblems problems) {
		this.decoder = decoder;
		this.authentication = authentication;
		this.unauthorized = unauthorized;
		this.forbidden = forbidden;
		this.problems = problems;
	}

	public static ResourceServerSecurity of(JwtDecoder decoder, JsonMapper json) {
		if (decoder == null) {
			throw new IllegalArgumentException("decoder cannot be null");
		}
		SecurityProblems problems = new SecurityProblems(json);
		return new ResourceServerSecurity(decoder, TokenAuthorities.authenticationConverter(), problems, problems,
				problems);
	}

	/**
	 * The usual case: access tokens ({@code at+jwt}) from the issuer, signed by a key of
	 * the JWK set, for the audience ({@link ServiceTokens#decoder}).
	 */
	public static ResourceServerSecurity forAudience(URI jwkSetUri, URI issuer, String audience, JsonMapper json) {
		if (jwkSetUri == null || issuer == null) {
			throw new IllegalArgumentException("jwkSetUri and issuer cannot be null");
		}
		return of(ServiceTokens.decoder(jwkSetUri.toString(), issuer.toString(), audience), json);
	}

	/** Authorities from another converter than {@link TokenAuthorities}'s default. */
	public ResourceServerSecurity withAuthentication(Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
		if (converter == null) {
			throw new IllegalArgumentException("converter cannot be null");
		}
		return new ResourceServerSecurity(this.decoder, converter, this.unauthorized, this.forbidden, this.problems);
	}

	/**
	 * Refusals written by others, typically ones that log and then delegate to
	 * {@link SecurityProblems}.
	 */
	public ResourceServerSecurity withRefusals(AuthenticationEntryPoint unauthorized, AccessDeniedHandler forbidden) {
		if (unauthorized == null || forbidden == null) {
			throw new IllegalArgumentException("unauthorized and forbidden cannot be null");
		}
		return new ResourceServerSecurity(this.decoder, this.authentication, unauthorized, forbidden, this.problems);
	}

	/** The chain of a service whose whole API is one path pattern under one rule. */
	public SecurityFilterChain build(HttpSecurity http, String pathPattern,
			AuthorizationManager<? super RequestAuthorizationContext> access) {
		if (pathPattern == null || access == null) {
			throw new IllegalArgumentException("pathPattern and access cannot be null");
		}
		return build(http, (requests) -> requests.requestMatchers(pathPattern).access(access));
	}

	/**
	 * The chain, with the service's own {@code rules} between the open paths and the
	 * final denial.
	 */
	public SecurityFilterChain build(HttpSecurity http, Rules rules) {
		if (http == null || rules == null) {
			throw new IllegalArgumentException("http and rules cannot be null");
		}
		http.authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				// figures only (no token, id token claim or secret is a tag); the gateway
				// never routes /actuator/**, and where the service runs it is reached
				// only
				// from inside (bound to 127.0.0.1 here, a NetworkPolicy on Kubernetes)
				.requestMatchers("/actuator/prometheus")
				.permitAll();
			rules.customize(requests);
			requests.anyRequest().denyAll();
		})
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(this.decoder).jwtAuthenticationConverter(this.authentication))
				.authenticationEntryPoint(this.unauthorized)
				.accessDeniedHandler(this.forbidden)
				.withObjectPostProcessor(failuresAnswered()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.unauthorized)
				.accessDeniedHandler(this.forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Spring Security rethrows an {@link AuthenticationServiceException} (the decoder
	 * could not fetch the JWK set) out of the filter chain, where it became a bare 500.
	 * Here it is a 503 problem; every other authentication failure stays a 401.
	 */
	private ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresAnswered() {
		AuthenticationFailureHandler failures = (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				this.problems.keysUnavailable(request, response);
			}
			else {
				this.unauthorized.commence(request, response, ex);
			}
		};
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(failures);
				return filter;
			}

		};
	}

}
