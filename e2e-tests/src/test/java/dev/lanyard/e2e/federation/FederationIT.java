package dev.lanyard.e2e.federation;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.e2e.support.Viewers;
import dev.lanyard.launcher.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity federation end to end against the launcher's development OIDC provider
 * ({@code mock-oauth2-server}, the nearest real thing here to Keycloak or Entra ID: real
 * discovery, JWKS and RS256-signed ID tokens from its authorization-code flow). An
 * administrator trusts its issuer; another tool's ID token for a signed-in person becomes
 * that person's Lanyard token; a CI job's token becomes the demo content's token; every
 * refusal is an OAuth error and a CredentialDenied record in the audit trail.
 */
class FederationIT {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String NOTEBOOK = "notebook-" + SUFFIX;

	private static final String CI = "ci-" + SUFFIX;

	/** The audience of the rule that creates users just in time. */
	private static final String JIT = "jit-" + SUFFIX;

	/**
	 * The development provider's sign-in issuer ({@code /default}), behind the gateway's
	 * {@code dev} login.
	 */
	private static final String DEV = "default";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static Viewers viewers;

	private static String admin;

	private static String issuer;

	private static String notebooks;

	@BeforeAll
	static void trust() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
		viewers = new Viewers(ensemble, lanyard, admin);
		issuer = ensemble.endpoints().oidcIssuer();
		Map<String, Object> rule = new HashMap<>();
		rule.put("issuer", issuer);
		rule.put("audiences", List.of(NOTEBOOK));
		notebooks = create("oidc-federation", "notebooks-" + SUFFIX, rule);
	}

	private static String create(String kind, String name, Map<String, Object> rule) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("template", "oidc-federation");
		body.put("kind", kind);
		body.put("federation", rule);
		JsonNode created = lanyard.ok(admin, "POST", "/api/integrations", body);
		assertThat(created.get("federation").get("jwksUri").asString()).as("discovered").isNotBlank();
		return created.get("id").asString();
	}

	@Test
	void exchangeWhenSignedInPersonsIdTokenThenTheirLanyardTokenOpeningConnections() throws Exception {
		String subject = "fed-alice-" + SUFFIX;
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", subject, Map.of("preferred_username", "fedalice" + SUFFIX));
		String userId = browser.me().get("id").asString();

		HttpResponse<String> response = exchangeUntilIssued(() -> idToken(DEV, NOTEBOOK, subject, Map.of()));
		JsonNode body = Lanyard.JSON.readTree(response.body());
		String token = body.get("access_token").asString();
		JsonNode claims = payload(token);
		assertThat(header(token).get("typ").asString()).isEqualTo("at+jwt");
		assertThat(claims.get("sub").asString()).isEqualTo(userId);
		assertThat(claims.get("lanyard_token_type").asString()).isEqualTo("user-federated");
		assertThat(claims.has("may_act")).isFalse();

		HttpResponse<String> connections = lanyard.get(token, "/api/connections");
		assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);

		JsonNode record = viewers.auditRecord(Lanyard.sha256(token));
		assertThat(record.get("tokenType").asString()).isEqualTo("user-federated");
		assertThat(record.get("subjectId").asString()).isEqualTo(userId);
		assertThat(record.get("integrationId").asString()).isEqualTo(notebooks);
		// the federated issuer and subject are on the TokenIssued event (token-broker's
		// FederationIT);
		// audit shows them once its display of the issue-15 fields lands
	}

	@Test
	void exchangeWhenTokenFailsACheckThenRefusedAndEachRefusalInTheAuditTrail() throws Exception {
		String subject = "fed-bob-" + SUFFIX;
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", subject, Map.of("preferred_username", "fedbob" + SUFFIX));
		String good = idToken(DEV, NOTEBOOK, subject, Map.of());
		exchangeUntilIssued(() -> idToken(DEV, NOTEBOOK, subject, Map.of()));
		String kid = header(good).get("kid").asString();

		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("unknown-user", idToken(DEV, NOTEBOOK, "nobody-" + SUFFIX, Map.of()));
		refused.put("issuer-not-trusted", idToken("elsewhere", NOTEBOOK, subject, Map.of()));
		refused.put("issuer-not-trusted/", idToken(DEV, NOTEBOOK, subject, Map.of("iss", issuer + "/")));
		refused.put("audience-not-accepted", idToken(DEV, "someone-else", subject, Map.of()));
		refused.put("token-expired",
				idToken(DEV, NOTEBOOK, subject, Map.of("exp", Instant.now().minusSeconds(600).getEpochSecond())));
		refused.put("signature-invalid", otherKey(kid, subject));
		refused.put("algorithm-not-allowed", unsigned(subject));
		String replayed = idToken(DEV, NOTEBOOK, subject, Map.of());
		assertThat(exchange(replayed, "c-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
		refused.put("jti-replayed", replayed);

		for (Map.Entry<String, String> each : refused.entrySet()) {
			String reason = each.getKey().replace("/", "");
			String correlationId = "fed-e2e-" + UUID.randomUUID();
			// untrusted issuers: with the demo content as the actor, a kind of denial of
			// its own — unauthenticated refusals before the signature verifies are one
			// kind, and the retries while the rule propagated already recorded it
			HttpResponse<String> response = each.getKey().startsWith("issuer-not-trusted")
					? exchangeAs(each.getValue(), correlationId) : exchange(each.getValue(), correlationId);
			assertThat(response.statusCode()).as(each.getKey() + ": " + response.body()).isEqualTo(400);
			assertThat(Lanyard.JSON.readTree(response.body()).get("error").asString()).as(each.getKey())
				.isEqualTo("invalid_grant");
			assertThat(response.body()).doesNotContain(each.getValue());
			if (each.getKey().endsWith("/")) {
				// the same kind as the refusal before it (before the signature verifies,
				// the presented iss and sub do not make a kind: a caller chooses them
				// freely): summed up once the denial-aggregation window ends
				continue;
			}
			JsonNode events = viewers.auditEvents("correlationId=" + correlationId);
			assertThat(events).as(each.getKey() + " in the audit trail").isNotEmpty();
			assertThat(events.toString()).as(each.getKey()).contains(reason);
		}
	}

	@Test
	void exchangeWhenWorkloadTokenHasTheRightClaimsThenTheContentsTokenForItsServiceAccountExchange() throws Exception {
		String content = ensemble.demoContent().clientId();
		Map<String, Object> rule = new HashMap<>();
		rule.put("issuer", ensemble.endpoints().oidcUrl() + "/" + CI);
		rule.put("audiences", List.of(CI));
		rule.put("requiredClaims", Map.of("repository", "acme/app"));
		rule.put("subjectRules", List.of(Map.of("type", "expression", "value", "['ref'] == 'refs/heads/main'")));
		rule.put("contentId", content);
		create("workload-federation", "ci-" + SUFFIX, rule);
		String warehouse = serviceAccountIntegration();
		Map<String, Object> main = Map.of("repository", "acme/app", "ref", "refs/heads/main");

		HttpResponse<String> response = exchangeUntilIssued(() -> idToken(CI, CI, "repo:acme/app", main));
		String contentToken = Lanyard.JSON.readTree(response.body()).get("access_token").asString();
		JsonNode claims = payload(contentToken);
		assertThat(claims.get("sub").asString()).isEqualTo(content);
		assertThat(claims.get("lanyard_token_type").asString()).isEqualTo("content-session");

		HttpResponse<String> external = exchangeEventually(contentToken, warehouse);
		assertThat(external.statusCode()).as(external.body()).isEqualTo(200);

		String correlationId = "fed-e2e-" + UUID.randomUUID();
		HttpResponse<String> otherRef = exchange(
				idToken(CI, CI, "repo:acme/app", Map.of("repository", "acme/app", "ref", "refs/heads/feature")),
				correlationId);
		assertThat(otherRef.statusCode()).as(otherRef.body()).isEqualTo(400);
		assertThat(viewers.auditEvents("correlationId=" + correlationId).toString()).contains("subject-rule-not-met");
	}

	@Test
	void exchangeWhenRuleCreatesUsersThenNeverSeenPersonBecomesAUserElseUnknownUser() throws Exception {
		Map<String, Object> rule = new HashMap<>();
		rule.put("issuer", issuer);
		rule.put("audiences", List.of(JIT));
		rule.put("createUsers", true);
		create("oidc-federation", "jit-" + SUFFIX, rule);
		String subject = "fed-carol-" + SUFFIX;
		Map<String, Object> claims = Map.of("email", "fedcarol" + SUFFIX + "@example.com");

		HttpResponse<String> response = exchangeUntilIssued(() -> idToken(DEV, JIT, subject, claims));
		String token = Lanyard.JSON.readTree(response.body()).get("access_token").asString();
		JsonNode payload = payload(token);
		assertThat(payload.get("lanyard_token_type").asString()).isEqualTo("user-federated");
		String userId = payload.get("sub").asString();

		JsonNode user = lanyard.ok(admin, "GET", "/api/admin/users/" + userId, null);
		assertThat(user.get("uniqueId").asString()).isEqualTo(subject);
		assertThat(user.get("issuer").asString()).isEqualTo(issuer);
		assertThat(user.get("role").asString()).isEqualTo("viewer");
		assertThat(user.get("username").asString()).isEqualTo("fedcarol" + SUFFIX);
		assertThat(viewers.auditRecord(Lanyard.sha256(token)).get("subjectId").asString()).isEqualTo(userId);

		// the same kind of token under the rule without createUsers: refused, nobody made
		String stranger = "fed-dave-" + SUFFIX;
		HttpResponse<String> notCreating = exchangeUntilRefusedAs("no known user",
				() -> idToken(DEV, NOTEBOOK, stranger, Map.of("email", "feddave" + SUFFIX + "@example.com")));
		assertThat(notCreating.statusCode()).as(notCreating.body()).isEqualTo(400);
		assertThat(Lanyard.JSON.readTree(notCreating.body()).get("error").asString()).isEqualTo("invalid_grant");
		String correlationId = notCreating.request().headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(viewers.auditEvents("correlationId=" + correlationId).toString()).contains("unknown-user");
		assertThat(lanyard.ok(admin, "GET", "/api/admin/users?q=feddave" + SUFFIX, null).get("users")).isEmpty();
	}

	/**
	 * Until the rule reached token-broker's read model and refuses with this description.
	 */
	private static HttpResponse<String> exchangeUntilRefusedAs(String description, IdTokens tokens) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> response = exchange(tokens.next(), "fed-e2e-" + UUID.randomUUID());
		while (!response.body().contains(description) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = exchange(tokens.next(), "fed-e2e-" + UUID.randomUUID());
		}
		return response;
	}

	// ---- the tool presenting tokens

	private static HttpResponse<String> exchangeAs(String idToken, String correlationId) throws Exception {
		String basic = ensemble.demoContent().clientId() + ":" + ensemble.demoContent().clientSecret();
		return HTTP.send(HttpRequest.newBuilder(URI.create(lanyard.gateway() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Correlation-Id", correlationId)
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString(basic.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard.form(Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
					"subject_token", idToken, "subject_token_type", "urn:ietf:params:oauth:token-type:id_token"))))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> exchange(String idToken, String correlationId) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(lanyard.gateway() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Correlation-Id", correlationId)
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard.form(Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
					"subject_token", idToken, "subject_token_type", "urn:ietf:params:oauth:token-type:id_token"))))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private interface IdTokens {

		String next() throws Exception;

	}

	/** Until the trust rule and the user reached token-broker's read models, bounded. */
	private static HttpResponse<String> exchangeUntilIssued(IdTokens tokens) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> response = exchange(tokens.next(), "fed-e2e-" + UUID.randomUUID());
		while (response.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = exchange(tokens.next(), "fed-e2e-" + UUID.randomUUID());
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static String serviceAccountIntegration() throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "fed-warehouse-" + SUFFIX);
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/warehouse/token");
		body.put("clientId", "warehouse-client");
		body.put("clientSecret", "e2e-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("read"));
		String id = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + ensemble.demoContent().clientId(), null);
		return id;
	}

	private static HttpResponse<String> exchangeEventually(String contentToken, String integrationId) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, String> form = Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", contentToken,
				"subject_token_type", "urn:lanyard:params:oauth:token-type:content-session", "audience", integrationId);
		HttpResponse<String> response = lanyard.tokenRequest(ensemble.demoContent(), form);
		while (response.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = lanyard.tokenRequest(ensemble.demoContent(), form);
		}
		return response;
	}

	// ---- the development provider's ID tokens

	/**
	 * An ID token of the provider's issuer {@code issuerId} for {@code clientId}: its
	 * authorization-code flow, its login form naming the subject and extra claims (which
	 * it puts in the token as given, overriding its own).
	 */
	private static String idToken(String issuerId, String clientId, String subject, Map<String, Object> claims)
			throws Exception {
		String base = ensemble.endpoints().oidcUrl() + "/" + issuerId;
		String redirect = "http://127.0.0.1:9/callback";
		String authorize = base + "/authorize?" + Lanyard.form(Map.of("client_id", clientId, "response_type", "code",
				"redirect_uri", redirect, "scope", "openid", "state", "s", "nonce", UUID.randomUUID().toString()));
		HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).as("the provider's login form").isEqualTo(200);
		HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(authorize))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(Lanyard.form(Map.of("username", subject, "claims", Lanyard.JSON.writeValueAsString(claims)))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		String location = login.headers().firstValue("Location").orElseThrow();
		String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
		HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard.form(Map.of("grant_type", "authorization_code", "code",
					code, "redirect_uri", redirect, "client_id", clientId, "client_secret", "any"))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(token.body()).get("id_token").asString();
	}

	/** The same claims, signed RS256 under the provider's kid by a key it never had. */
	private static String otherKey(String kid, String subject) throws Exception {
		String header = encode(Map.of("alg", "RS256", "kid", kid, "typ", "JWT"));
		String payload = encode(claims(subject));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(generator.generateKeyPair().getPrivate());
		rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
	}

	/** {@code alg: none}. */
	private static String unsigned(String subject) throws Exception {
		return encode(Map.of("alg", "none")) + "." + encode(claims(subject)) + ".";
	}

	private static Map<String, Object> claims(String subject) {
		long now = Instant.now().getEpochSecond();
		return Map.of("iss", issuer, "sub", subject, "aud", NOTEBOOK, "iat", now, "exp", now + 300, "jti",
				UUID.randomUUID().toString());
	}

	private static String encode(Object json) throws Exception {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Lanyard.JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode header(String jwt) {
		return part(jwt, 0);
	}

	private static JsonNode payload(String jwt) {
		return part(jwt, 1);
	}

	private static JsonNode part(String jwt, int index) {
		return Lanyard.JSON
			.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
	}

}
