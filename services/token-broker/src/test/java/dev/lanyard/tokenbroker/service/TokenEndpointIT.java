package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.keys.adapter.jdbc.JdbcSigningKeyStore;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.adapter.jose.SigningKeys;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIT extends ServiceTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void clientCredentialsWhenValidThenSignedTokenAndAcknowledgedEvent() throws Exception {
		RegisteredClient client = createClient("content", "reports.read", "reports.write");
		String correlationId = "it-" + UUID.randomUUID();
		Response response = send(
				HttpRequest.newBuilder(uri("/oauth2/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Authorization", basic(client.clientId(), client.secret()))
					.header("X-Correlation-Id", correlationId)
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=reports.read")),
				null);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(899L, 900L);
		assertThat(body.get("scope").asString()).isEqualTo("reports.read");
		String token = body.get("access_token").asString();

		Jwt jwt = decode(token);
		assertThat(jwt.getHeaders().get("alg")).hasToString("ES256");
		assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
		assertThat(jwt.getSubject()).isEqualTo(client.clientId());
		assertThat(jwt.getAudience()).containsExactly("token-broker", "integration-registry");
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("content");
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("content-session");
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("reports.read");

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(client.clientId(), (list) -> !list.isEmpty(),
					Duration.ofSeconds(20));
			assertThat(issued).singleElement().satisfies((event) -> {
				assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(token));
				assertThat(event.getTokenId()).isEqualTo(jwt.getId());
				assertThat(event.getCorrelationId()).isEqualTo(correlationId);
				assertThat(event.getProducer()).isEqualTo("token-broker");
				assertThat(event.getTokenType()).isEqualTo("content-session");
				assertThat(event.getSubjectType()).isEqualTo("content");
				assertThat(event.getContentId()).isEqualTo(client.clientId());
				assertThat(event.getScopes()).containsExactly("reports.read");
				assertThat(event.getAudience()).containsExactly("token-broker", "integration-registry");
				assertThat(event.getGrantType()).isEqualTo("client_credentials");
				assertThat(event.getIssuedAt()).isEqualTo(jwt.getIssuedAt());
				assertThat(event.getExpiresAt()).isEqualTo(jwt.getExpiresAt());
			});
		}
	}

	@Test
	@Order(1)
	void clientCredentialsWhenAuditorThenRecordedAsAuditorsClientAccess() throws Exception {
		RegisteredClient auditor = createClient("auditor");
		String token = token(auditor.clientId(), auditor.secret());
		Jwt jwt = decode(token);
		// the resource servers' contract is unchanged: every client token says
		// content-session
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("content-session");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("auditor");

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(auditor.clientId(), (list) -> !list.isEmpty(),
					Duration.ofSeconds(20));
			assertThat(issued).singleElement().satisfies((event) -> {
				assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(token));
				assertThat(event.getTokenId()).isEqualTo(jwt.getId());
				assertThat(event.getTokenType()).isEqualTo("client-access");
				assertThat(event.getSubjectType()).isEqualTo("auditor");
				assertThat(event.getSubjectId()).isEqualTo(auditor.clientId());
				assertThat(event.getContentId()).isNull();
				assertThat(event.getAudience()).containsExactly("audit");
				assertThat(event.getGrantType()).isEqualTo("client_credentials");
			});
		}
	}

	@Test
	@Order(2)
	void tokenRequestWhenRejectedThenOAuthErrorsAndNoEvent() {
		RegisteredClient client = createClient("content", "reports.read");

		Response wrongSecret = clientCredentials(client.clientId(), "not-the-secret");
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");

		Response unknownClient = clientCredentials("nobody-" + UUID.randomUUID(), client.secret());
		assertThat(unknownClient.status()).isEqualTo(401);
		assertThat(unknownClient.json().get("error").asString()).isEqualTo("invalid_client");

		Response unsupportedGrant = tokenRequest(client.clientId(), client.secret(),
				Map.of("grant_type", "password", "username", "u", "password", "p"));
		assertThat(unsupportedGrant.status()).isEqualTo(400);
		assertThat(unsupportedGrant.json().get("error").asString()).isEqualTo("unsupported_grant_type");

		Response invalidScope = tokenRequest(client.clientId(), client.secret(),
				Map.of("grant_type", "client_credentials", "scope", "admin"));
		assertThat(invalidScope.status()).isEqualTo(400);
		assertThat(invalidScope.json().get("error").asString()).isEqualTo("invalid_scope");

		Response noCredentials = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), null);
		assertThat(noCredentials.status()).isEqualTo(401);
		assertThat(noCredentials.json().get("error").asString()).isEqualTo("invalid_client");

		for (Response rejected : List.of(wrongSecret, unknownClient, unsupportedGrant, invalidScope, noCredentials)) {
			assertThat(rejected.body()).doesNotContain("access_token");
		}

		// Same key, same partition: any event of the rejected requests would come before
		// this one's.
		String token = token(client.clientId(), client.secret());
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(client.clientId(), (list) -> !list.isEmpty(),
					Duration.ofSeconds(20));
			assertThat(issued).singleElement()
				.satisfies((event) -> assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(token)));
		}
	}

	@Test
	@Order(3)
	void clientSecretPostWhenValidThenIssued() {
		RegisteredClient client = createClient("content");
		Response response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "client_id",
					client.clientId(), "client_secret", client.secret())))),
				null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().hasNonNull("scope")).isFalse();
	}

	@Test
	@Order(4)
	void metadataWhenRequestedThenIssuerAndJwks() throws Exception {
		Response oauth = get("/.well-known/oauth-authorization-server", null);
		assertThat(oauth.status()).isEqualTo(200);
		assertThat(oauth.json().get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(oauth.json().get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(oauth.json().get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");

		Response oidc = get("/.well-known/openid-configuration", null);
		assertThat(oidc.status()).isEqualTo(200);
		assertThat(oidc.json().get("issuer").asString()).isEqualTo(ISSUER);

		Response jwks = get("/oauth2/jwks", null);
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.body()).doesNotContain("\"d\"");
		String kid = SignedJWT.parse(adminToken()).getHeader().getKeyID();
		assertThat(jwks.json().get("keys").valueStream().map((key) -> key.get("kid").asString())).contains(kid);
	}

	@Test
	@Order(5)
	void signingKeysWhenLoadedAgainThenSameKid() throws Exception {
		String kid = SignedJWT.parse(adminToken()).getHeader().getKeyID();
		KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(Base64.getDecoder().decode(KEY_ENCRYPTION_KEY));
		SigningKeys reloaded = SigningKeys.loadOrCreate(new JdbcSigningKeyStore(this.jdbc), cipher,
				SigningAlgorithm.ES256, Clock.systemUTC());
		assertThat(reloaded.signingKey().getKeyID()).isEqualTo(kid);
	}

	@Test
	@Order(6)
	void healthWhenRequestedThenUp() {
		Response health = get("/actuator/health", null);
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(get("/actuator/env", null).status()).isEqualTo(401);
		assertThat(URI.create(ISSUER).getPort()).isEqualTo(18080);
	}

	@Test
	void adminApiWhenTokenMeantForAnotherServiceThenUnauthorized() {
		RegisteredClient auditor = createClient("auditor");
		Response response = get("/api/admin/clients", token(auditor.clientId(), auditor.secret()));
		assertThat(response.status()).as("an auditor's token is for audit alone").isEqualTo(401);
	}

	@Test
	void clientCredentialsWhenSecretGuessedTooOftenThenTooManyRequestsAndOtherClientsUnaffected() {
		RegisteredClient victim = createClient("content");
		RegisteredClient bystander = createClient("content");
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(clientCredentials(victim.clientId(), "guess-" + attempt).status()).isEqualTo(401);
		}

		Response throttled = clientCredentials(victim.clientId(), victim.secret());

		assertThat(throttled.status()).as("even the right secret waits").isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(throttled.json().get("error").asString()).isEqualTo("temporarily_unavailable");
		assertThat(throttled.body()).doesNotContain("access_token");
		assertThat(clientCredentials(bystander.clientId(), bystander.secret()).status()).isEqualTo(200);
	}

	@Test
	void clientCredentialsWhenOneCallerBehindTheGatewayFailsOftenThenOnlyThatCallerWaits() {
		for (int attempt = 0; attempt < 100; attempt++) {
			// many client ids, so the per-client limit never applies: only the address's
			Response failed = send(HttpRequest.newBuilder(uri("/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", basic("sprayed-" + attempt, "guess"))
				.header("X-Lanyard-Client-Address", "203.0.113.7")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), null);
			assertThat(failed.status()).isEqualTo(401);
		}
		RegisteredClient honest = createClient("content");
		Response attacker = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(honest.clientId(), honest.secret()))
			.header("X-Lanyard-Client-Address", "203.0.113.7")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), null);
		Response bystander = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(honest.clientId(), honest.secret()))
			.header("X-Lanyard-Client-Address", "198.51.100.9")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), null);
		assertThat(attacker.status()).isEqualTo(429);
		assertThat(bystander.status()).as("another caller through the same gateway").isEqualTo(200);
	}

}
