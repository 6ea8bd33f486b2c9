package dev.lanyard.platform.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenAuthoritiesForTypesTest {

	@Test
	void convertWhenTypeAcceptedThenRoleAndTokenType() {
		assertThat(TokenAuthorities.authenticationConverterForTypes(ServiceTokens.ACCESS_TOKEN_TYP)
			.convert(jwt(ServiceTokens.ACCESS_TOKEN_TYP))
			.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_administrator", "TOKEN_TYPE_content-session");
	}

	@Test
	void convertWhenTypeNotAcceptedThenNoAuthority() {
		assertThat(TokenAuthorities.authenticationConverterForTypes(ServiceTokens.ACCESS_TOKEN_TYP)
			.convert(jwt(ServiceTokens.USER_SESSION_TYP))
			.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.noneMatch((authority) -> authority.startsWith("ROLE_") || authority.startsWith("TOKEN_TYPE_"));
	}

	@Test
	void convertWhenNoTypeThenNoAuthority() {
		assertThat(TokenAuthorities.authenticationConverterForTypes(ServiceTokens.ACCESS_TOKEN_TYP)
			.convert(jwt(null))
			.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.noneMatch((authority) -> authority.startsWith("ROLE_") || authority.startsWith("TOKEN_TYPE_"));
	}

	@Test
	void authenticationConverterForTypesWhenNoneThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(TokenAuthorities::authenticationConverterForTypes)
			.withMessage("joseTypes cannot be empty");
	}

	private static Jwt jwt(String typ) {
		Instant now = Instant.now();
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.subject("caller-1")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("roles", List.of("administrator"))
			.claim("lanyard_token_type", "content-session");
		if (typ != null) {
			jwt.header("typ", typ);
		}
		return jwt.build();
	}

}
