package dev.lanyard.testing.jwt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestJwksTest {

	// one per class: an RSA key takes a while to generate on a loaded machine
	private static final TestJwks jwks = new TestJwks("audit");

	@AfterAll
	static void close() {
		jwks.close();
	}

	@Test
	void tokenWhenDefaultThenVerifiedByServedJwkSetAsContentSessionForTheAudience() {
		Jwt jwt = decoder().decode(jwks.token("content-7", "viewer", "publisher"));

		assertThat(jwt.getIssuer()).hasToString(TestJwks.ISSUER);
		assertThat(jwt.getAudience()).containsExactly("audit");
		assertThat(jwt.getSubject()).isEqualTo("content-7");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("viewer", "publisher");
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo(TestJwks.CONTENT_SESSION);
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("alg", "ES256");
	}

	@Test
	void tokenWhenUserSessionThenTypAsTokenBrokerSignsIt() {
		Jwt jwt = decoder().decode(jwks.token().tokenType(TestJwks.USER_SESSION).sign());

		assertThat(jwt.getHeaders()).containsEntry("typ", "user-session+jwt");
	}

	@Test
	void tokenWhenTypAndTokenTypeLeftOutThenNeitherPresent() {
		Jwt jwt = decoder().decode(jwks.token().tokenType(null).typ(null).sign());

		assertThat(jwt.getHeaders()).doesNotContainKey("typ");
		assertThat(jwt.hasClaim("lanyard_token_type")).isFalse();
	}

	@Test
	void tokenWhenRs256ThenVerifiedByServedJwkSet() {
		Jwt jwt = decoder().decode(jwks.token().rs256().issuer("http://other.example").audience("x").sign());

		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
		assertThat(jwt.getIssuer()).hasToString("http://other.example");
		assertThat(jwt.getAudience()).containsExactly("x");
	}

	@Test
	void tokenWhenSignedByStrangerThenRefusedByServedJwkSet() {
		String token = jwks.token().signedByStranger().sign();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder().decode(token));
	}

	@Test
	void constructorWhenAudienceBlankThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TestJwks(" "))
			.withMessage("audience cannot be blank");
	}

	private NimbusJwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks.jwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwtProcessorCustomizer((processor) -> processor.setJWSTypeVerifier((type, context) -> {
			}))
			.build();
		// only the signature and expiry: each test checks the claims and header it is
		// about
		decoder.setJwtValidator(new JwtTimestampValidator());
		return decoder;
	}

}
