package dev.lanyard.platform.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAuthoritiesTest {

	private final TokenAuthorities authorities = new TokenAuthorities();

	@Test
	void convertWhenContentSessionAdministratorThenRoleAndTokenType() {
		assertThat(this.authorities.convert(TestJwts.jwt("content-session", "administrator")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_administrator", "TOKEN_TYPE_content-session");
	}

	@Test
	void convertWhenUserSessionThenItsOwnTokenType() {
		assertThat(this.authorities.convert(TestJwts.jwt("user-session", "administrator")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_administrator", "TOKEN_TYPE_user-session");
	}

	@Test
	void convertWhenInternalServiceThenItsOwnTokenType() {
		assertThat(this.authorities.convert(TestJwts.jwt("internal-service", "token-broker")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_token-broker", "TOKEN_TYPE_internal-service");
	}

	@Test
	void convertWhenNoTokenTypeThenRolesOnly() {
		assertThat(this.authorities.convert(TestJwts.jwt(null, "administrator", "viewer")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_administrator", "ROLE_viewer");
	}

	@Test
	void convertWhenBlankTokenTypeThenRolesOnly() {
		assertThat(this.authorities.convert(TestJwts.jwt(" ", "administrator")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_administrator");
	}

	@Test
	void convertWhenScopeClaimThenNoScopeAuthorities() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.subject("auditor-client")
			.claim("roles", List.of("auditor"))
			.claim("scope", "read")
			.claim("lanyard_token_type", "content-session")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		assertThat(this.authorities.convert(jwt)).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_auditor", "TOKEN_TYPE_content-session");
	}

	@Test
	void authenticationConverterWhenJwtThenAuthenticatedJwtTokenWithTheseAuthorities() {
		JwtAuthenticationToken authentication = (JwtAuthenticationToken) TokenAuthorities.authenticationConverter()
			.convert(TestJwts.jwt("user-session", "auditor"));
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getName()).isEqualTo("caller-1");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_auditor", "TOKEN_TYPE_user-session")
			.doesNotContain("ROLE_user-session");
	}

}
