package dev.lanyard.platform.security;

import java.net.URI;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringJUnitWebConfig(ResourceServerSecurityTest.Config.class)
class ResourceServerSecurityTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	// token value → decoded token; anything else is not a valid JWT
	private static final JwtDecoder DECODER = (token) -> switch (token) {
		case "reader" -> TestJwts.jwt(TokenAuthorities.CONTENT_SESSION, "reader");
		case "no-role" -> TestJwts.jwt(TokenAuthorities.CONTENT_SESSION);
		// what NimbusJwtDecoder throws when the JWK set cannot be fetched
		case "keys-unreachable" -> throw new JwtException(
				"An error occurred while attempting to decode the Jwt: I/O error on GET request: Read timed out");
		default -> throw new BadJwtException("not a JWT");
	};

	private MockMvc mvc;

	@BeforeEach
	void setUp(@Autowired WebApplicationContext context) {
		this.mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Test
	void buildWhenHealthWithoutTokenThenOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void buildWhenPrometheusWithoutTokenThenOpenButOtherActuatorEndpointsNot() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
	}

	@Test
	void buildWhenNoTokenThen401ProblemWithBearerChallenge() throws Exception {
		this.mvc.perform(get("/api/things"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("A bearer token is required"));
	}

	@Test
	void buildWhenTokenInvalidThen401WithoutEchoingIt() throws Exception {
		this.mvc.perform(get("/api/things").header("Authorization", "Bearer forged"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The bearer token is not valid for this service"))
			.andExpect(content().string(not(containsString("forged"))));
	}

	@Test
	void buildWhenSigningKeysCannotBeFetchedThen503ProblemNotServerError() throws Exception {
		this.mvc.perform(get("/api/things").header("Authorization", "Bearer keys-unreachable"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(SecurityProblems.KEYS_UNAVAILABLE))
			.andExpect(content().string(not(containsString("Read timed out"))));
	}

	@Test
	void buildWhenRoleMissingThen403NamingIt() throws Exception {
		this.mvc.perform(get("/api/things").header("Authorization", "Bearer no-role"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail").value("Reading things requires the role reader"));
	}

	@Test
	void buildWhenRuleGrantsThenServed() throws Exception {
		this.mvc.perform(get("/api/things").header("Authorization", "Bearer reader"))
			.andExpect(status().isOk())
			.andExpect(content().string("things"));
	}

	@Test
	void buildWhenPathNotNamedThenDeniedEvenWithValidToken() throws Exception {
		this.mvc.perform(get("/api/other").header("Authorization", "Bearer reader"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("The bearer token may not be used for this request"));
	}

	@Test
	void buildWhenNoSessionThenNoCookie() throws Exception {
		this.mvc.perform(get("/api/things").header("Authorization", "Bearer reader"))
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void ofWhenDecoderNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceServerSecurity.of(null, JSON))
			.withMessage("decoder cannot be null");
	}

	@Test
	void forAudienceWhenIssuerNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> ResourceServerSecurity.forAudience(URI.create("http://localhost/jwks"), null, "audit", JSON))
			.withMessage("jwkSetUri and issuer cannot be null");
	}

	@Test
	void buildWhenPathPatternNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceServerSecurity.of(DECODER, JSON).build(null, null, TokenAccess.of("x", "y")))
			.withMessage("pathPattern and access cannot be null");
	}

	@Test
	void withRefusalsWhenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceServerSecurity.of(DECODER, JSON).withRefusals(null, null))
			.withMessage("unauthorized and forbidden cannot be null");
	}

	@Test
	void withAuthenticationWhenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceServerSecurity.of(DECODER, JSON).withAuthentication(null))
			.withMessage("converter cannot be null");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class Config {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) {
			return ResourceServerSecurity.of(DECODER, JSON)
				.build(http, "/api/things",
						TokenAccess.of("Reading things", TokenAuthorities.CONTENT_SESSION).withRole("reader"));
		}

		@Bean
		Endpoints endpoints() {
			return new Endpoints();
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping({ "/actuator/health", "/actuator/prometheus", "/actuator/env" })
		String health() {
			return "UP";
		}

		@GetMapping({ "/api/things", "/api/other" })
		String things() {
			return "things";
		}

	}

}
