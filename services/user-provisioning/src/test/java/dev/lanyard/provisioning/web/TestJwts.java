package dev.lanyard.provisioning.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Decoded token-broker JWTs, and the authentication the service makes of them. */
final class TestJwts {

	private TestJwts() {
	}

	/** A JWT of the kind {@code tokenType} (none when {@code null}) with the roles. */
	static Jwt jwt(String tokenType, String... roles) {
		Instant now = Instant.now();
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.subject("caller-1")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("roles", List.of(roles));
		if (tokenType != null) {
			jwt.claim("lanyard_token_type", tokenType);
		}
		return jwt.build();
	}

	static JwtAuthenticationToken authenticated(String tokenType, String... roles) {
		return (JwtAuthenticationToken) SecurityConfiguration.authentication().convert(jwt(tokenType, roles));
	}

}
