package dev.lanyard.audit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditPropertiesTest {

	private static final URI ISSUER = URI.create("http://127.0.0.1:8080");

	private static final URI JWKS = URI.create("http://127.0.0.1:8081/oauth2/jwks");

	private static final AuditProperties.Retry RETRY = new AuditProperties.Retry(Duration.ofMillis(500),
			Duration.ofSeconds(30));

	@Test
	void bindWhenNothingSetThenDefaults() {
		AuditProperties properties = bind(Map.of());
		assertThat(properties.issuer()).isEqualTo(ISSUER);
		assertThat(properties.jwkSetUri()).isEqualTo(JWKS);
		assertThat(properties.retry()).isEqualTo(RETRY);
	}

	@Test
	void bindWhenEnvironmentVariablesThenBound() {
		AuditProperties properties = bind(Map.of("LANYARD_AUDIT_ISSUER", "https://lanyard.example.com",
				"LANYARD_AUDIT_JWK_SET_URI", "http://token-broker:8081/oauth2/jwks",
				"LANYARD_AUDIT_RETRY_INITIAL_INTERVAL", "PT1S", "LANYARD_AUDIT_RETRY_MAX_INTERVAL", "PT2S"));
		assertThat(properties.issuer()).isEqualTo(URI.create("https://lanyard.example.com"));
		assertThat(properties.jwkSetUri()).isEqualTo(URI.create("http://token-broker:8081/oauth2/jwks"));
		assertThat(properties.retry())
			.isEqualTo(new AuditProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(2)));
	}

	@Test
	void bindWhenIssuerNotHttpThenFailsNamingKey() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("LANYARD_AUDIT_ISSUER", "ftp://example.com")))
			.satisfies((ex) -> assertThat(ex).rootCause().hasMessageContaining("lanyard.audit.issuer"));
	}

	@Test
	void constructorWhenValidThenKeepsValues() {
		AuditProperties properties = new AuditProperties(ISSUER, JWKS, RETRY);
		assertThat(properties.issuer()).isEqualTo(ISSUER);
		assertThat(properties.jwkSetUri()).isEqualTo(JWKS);
		assertThat(properties.retry()).isEqualTo(RETRY);
	}

	private static AuditProperties bind(Map<String, Object> environment) {
		Binder binder = new Binder(ConfigurationPropertySources.from(List.of(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment))));
		return binder.bindOrCreate("lanyard.audit", AuditProperties.class);
	}

	@Test
	void constructorWhenIssuerNullThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(null, JWKS, RETRY))
			.withMessage("lanyard.audit.issuer must be set");
	}

	@Test
	void constructorWhenIssuerNotHttpThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties(URI.create("ftp://example.com"), JWKS, RETRY))
			.withMessageStartingWith("lanyard.audit.issuer must be an absolute http or https URL");
	}

	@Test
	void constructorWhenJwkSetUriRelativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties(ISSUER, URI.create("/oauth2/jwks"), RETRY))
			.withMessageStartingWith("lanyard.audit.jwk-set-uri must be an absolute http or https URL");
	}

	@Test
	void constructorWhenRetryNullThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(ISSUER, JWKS, null))
			.withMessage("lanyard.audit.retry cannot be null");
	}

	@Test
	void retryWhenInitialIntervalZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties.Retry(Duration.ZERO, Duration.ofSeconds(1)))
			.withMessage("lanyard.audit.retry.initial-interval must be a positive duration");
	}

	@Test
	void retryWhenMaxIntervalShorterThanInitialThenNamesKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties.Retry(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageStartingWith("lanyard.audit.retry.max-interval must not be shorter");
	}

	@Test
	void retryWhenMaxIntervalTooLongThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties.Retry(Duration.ofSeconds(1), Duration.ofMinutes(5)))
			.withMessageStartingWith("lanyard.audit.retry.max-interval must be at most PT4M");
	}

}
