package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LanyardJwtCustomizerTest {

	@Test
	void customizeWhenClientCredentialsThenContractClaims() {
		RegisteredClient client = TestTokens.client("c-42", "content", "read", "write");
		Jwt jwt = TestTokens.jwt(client, Set.of("write", "read"));

		assertThat(jwt.getHeaders().get("alg")).hasToString("ES256");
		assertThat(jwt.getHeaders()).containsEntry("kid", "test-key");
		assertThat(jwt.getClaimAsString("iss")).isEqualTo(TestTokens.ISSUER);
		assertThat(jwt.getSubject()).isEqualTo("c-42");
		assertThat(jwt.getAudience()).as("where content may present it")
			.containsExactly("token-broker", "integration-registry");
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getIssuedAt()).isNotNull();
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("read write");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("content");
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("content-session");
	}

	@Test
	void customizeWhenNoScopeRequestedThenNoScopeClaim() {
		Jwt jwt = TestTokens.jwt(TestTokens.client("auditor-1", "auditor"), Set.of());
		assertThat(jwt.hasClaim("scope")).isFalse();
		assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(List.of("auditor"));
		assertThat(jwt.getAudience()).containsExactly("audit");
	}

	@Test
	void customizeWhenSignedThenVerifiesWithPublicKey() throws Exception {
		Jwt jwt = TestTokens.jwt(TestTokens.client("c-42", "content"), Set.of());
		JWSVerifier verifier = new ECDSAVerifier(TestTokens.KEY.toPublicJWK());
		assertThat(SignedJWT.parse(jwt.getTokenValue()).verify(verifier)).isTrue();
	}

	@Test
	void constructorWhenAlgorithmNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LanyardJwtCustomizer(null))
			.withMessage("algorithm cannot be null");
	}

}
