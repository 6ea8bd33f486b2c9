package dev.lanyard.tokenbroker.jwt;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenSigningTest {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	@Test
	void signWhenClaimsThenRegisteredClaimsTypAndSignatureByTheKey() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
		TokenSigning signing = new TokenSigning(
				new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key))), SignatureAlgorithm.ES256,
				"https://lanyard.example");

		String token = signing.sign("at+jwt",
				signing.claims("user-1", List.of("token-broker"), "jti-1", NOW, NOW.plusSeconds(60))
					.claim("lanyard_token_type", "user-federated"));

		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toPublicJWK()))).isTrue();
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://lanyard.example");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-1");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("token-broker");
		assertThat(jwt.getJWTClaimsSet().getJWTID()).isEqualTo("jti-1");
		assertThat(jwt.getJWTClaimsSet().getNotBeforeTime()).isEqualTo(jwt.getJWTClaimsSet().getIssueTime());
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("lanyard_token_type")).isEqualTo("user-federated");
	}

	@Test
	void constructorWhenIssuerBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenSigning(new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet())),
					SignatureAlgorithm.ES256, " "))
			.withMessage("issuer cannot be blank");
	}

}
