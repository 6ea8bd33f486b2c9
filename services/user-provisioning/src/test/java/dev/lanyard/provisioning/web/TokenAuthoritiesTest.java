package dev.lanyard.provisioning.web;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

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

}
