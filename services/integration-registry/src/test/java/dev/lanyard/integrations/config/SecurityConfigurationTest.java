package dev.lanyard.integrations.config;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTest {

	@Test
	void audienceWhenTokenForThisServiceThenGranted() {
		assertThat(SecurityConfiguration.audience("integration-registry")
			.authorize(() -> jwt(List.of("integration-registry")), null)
			.isGranted()).isTrue();
	}

	@Test
	void audienceWhenTokenForAnotherServiceThenDenied() {
		assertThat(SecurityConfiguration.audience("integration-registry")
			.authorize(() -> jwt(List.of("user-provisioning")), null)
			.isGranted()).isFalse();
	}

	@Test
	void audienceWhenNotAJwtThenDenied() {
		assertThat(SecurityConfiguration.audience("integration-registry")
			.authorize(() -> new TestingAuthenticationToken("x", "y"), null)
			.isGranted()).isFalse();
	}

	private static JwtAuthenticationToken jwt(List<String> audience) {
		Instant now = Instant.now();
		return new JwtAuthenticationToken(Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.subject("token-broker")
			.audience(audience)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build());
	}

}
