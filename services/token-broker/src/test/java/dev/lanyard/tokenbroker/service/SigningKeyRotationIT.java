package dev.lanyard.tokenbroker.service;

import java.net.http.HttpRequest;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the signing key on demand through the admin API, against the running service:
 * new tokens carry the new {@code kid}, tokens signed before keep verifying (in-process
 * and against the published JWKS). When retired keys leave the JWKS is tested with a
 * clock in {@code JdbcSigningKeyStoreIT}.
 */
class SigningKeyRotationIT extends ServiceTestSupport {

	@Test
	@Order(1)
	void rotateWhenAdministratorThenNewKidSignsAndEarlierTokensStillVerify() throws Exception {
		String before = adminToken();
		String oldKid = kid(before);
		assertThat(jwks().getKeyByKeyId(oldKid)).isNotNull();

		Response rotated = rotate(before);
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String newKid = rotated.json().get("kid").asString();
		assertThat(newKid).isNotBlank().isNotEqualTo(oldKid);
		assertThat(rotated.json().get("retiredKid").asString()).isEqualTo(oldKid);
		assertThat(rotated.json().hasNonNull("retiredPublishedUntil")).isTrue();
		assertThat(rotated.body()).doesNotContain("\"d\"");

		String after = adminToken();
		assertThat(kid(after)).isEqualTo(newKid);
		JWKSet published = jwks();
		assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
		assertThat(published.getKeyByKeyId(newKid)).isNotNull();
		assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
		assertThat(verifies(before, published)).isTrue();
		assertThat(verifies(after, published)).isTrue();
		// the token signed before the rotation still authenticates here too
		assertThat(get("/api/admin/clients", before).status()).isEqualTo(200);

		Response listed = get("/api/admin/signing-keys", after);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		List<JsonNode> keys = listed.json().valueStream().toList();
		assertThat(keys).anySatisfy((key) -> {
			assertThat(key.get("kid").asString()).isEqualTo(newKid);
			assertThat(key.get("status").asString()).isEqualTo("active");
		});
		assertThat(keys).anySatisfy((key) -> {
			assertThat(key.get("kid").asString()).isEqualTo(oldKid);
			assertThat(key.get("status").asString()).isEqualTo("retired");
			assertThat(key.hasNonNull("publishedUntil")).isTrue();
		});
		assertThat(listed.body()).doesNotContain("material");
	}

	@Test
	@Order(2)
	void rotateWhenNotAdministratorThenProblem() {
		RegisteredClient content = createClient("content");
		Response forbidden = rotate(token(content.clientId(), content.secret()));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		Response anonymous = rotate(null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
	}

	private Response rotate(String bearer) {
		return send(
				HttpRequest.newBuilder(uri("/api/admin/signing-keys/rotate")).POST(HttpRequest.BodyPublishers.noBody()),
				bearer);
	}

	private JWKSet jwks() throws ParseException {
		Response response = get("/oauth2/jwks", null);
		assertThat(response.status()).isEqualTo(200);
		return JWKSet.parse(response.body());
	}

	private static String kid(String token) throws ParseException {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

	private static boolean verifies(String token, JWKSet keys) throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(token);
		return jwt.verify(new ECDSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey()));
	}

}
