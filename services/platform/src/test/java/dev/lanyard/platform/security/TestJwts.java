package dev.lanyard.platform.security;

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
		return jwtFor("lanyard", tokenType, roles);
	}

	/** As {@link #jwt}, with {@code aud} = [{@code audience}]. */
	static Jwt jwtFor(String audience, String tokenType, String... roles) {
		Instant now = Instant.now();
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.subject("caller-1")
			.audience(List.of(audience))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("roles", List.of(roles));
		if (tokenType != null) {
			jwt.claim("lanyard_token_type", tokenType);
		}
		return jwt.build();
	}

	static JwtAuthenticationToken authenticated(String tokenType, String... roles) {
		return (JwtAuthenticationToken) TokenAuthorities.authenticationConverter().convert(jwt(tokenType, roles));
	}

	static JwtAuthenticationToken authenticatedFor(String audience, String tokenType, String... roles) {
		return (JwtAuthenticationToken) TokenAuthorities.authenticationConverter()
			.convert(jwtFor(audience, tokenType, roles));
	}

}
