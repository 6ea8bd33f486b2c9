package dev.lanyard.e2e.delegation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.e2e.support.Viewers;
import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegation end to end, through auth-gateway: a person signs in, the demo content gets
 * their user session token and exchanges it, with its own content session token as actor
 * token, for a Lanyard token that names the user as subject and the content in
 * {@code act}; introspection returns that {@code act}. And backend mapping: the same user
 * session token exchanged for a service-account integration yields the service account's
 * credential, whose audit record names both the content and the user.
 */
class DelegationIT {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static Viewers viewers;

	private static String admin;

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
		viewers = new Viewers(ensemble, lanyard, admin);
	}

	@Test
	void exchangeWhenActorTokenOfTheContentThenDelegatedTokenNamingBothAndIntrospectable() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "delegator-" + SUFFIX, Map.of("preferred_username", "delegator" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = viewers.userSessionToken(browser);
		ClientCredentials content = ensemble.demoContent();

		HttpResponse<String> response = lanyard.tokenRequest(content,
				Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", userToken, "subject_token_type",
						OAuthNames.USER_SESSION, "actor_token", lanyard.token(content), "actor_token_type",
						OAuthNames.CONTENT_SESSION, "audience", SharedEnsemble.DELEGATION_AUDIENCE));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = Lanyard.JSON.readTree(response.body());
		assertThat(body.has("refresh_token")).isFalse();
		String delegated = body.get("access_token").asString();
		JsonNode claims = payload(delegated);
		assertThat(claims.get("sub").asString()).isEqualTo(userId);
		assertThat(claims.get("act").get("sub").asString()).isEqualTo(content.clientId());
		assertThat(claims.get("lanyard_token_type").asString()).isEqualTo("user-delegated");

		JsonNode introspected = introspect(content, delegated);
		assertThat(introspected.get("active").asBoolean()).isTrue();
		assertThat(introspected.get("sub").asString()).isEqualTo(userId);
		assertThat(introspected.get("act").get("sub").asString()).isEqualTo(content.clientId());
		// a client the token does not concern learns nothing
		assertThat(introspect(ensemble.demoAuditor(), delegated).get("active").asBoolean()).isFalse();

		JsonNode record = viewers.auditRecord(Lanyard.sha256(delegated));
		assertThat(record.get("tokenType").asString()).isEqualTo("user-delegated");
		assertThat(record.get("subjectId").asString()).isEqualTo(userId);
		assertThat(record.get("actorId").asString()).isEqualTo(content.clientId());

		// not allowed by the user session token: another audience
		HttpResponse<String> elsewhere = lanyard.tokenRequest(content,
				Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", userToken, "subject_token_type",
						OAuthNames.USER_SESSION, "actor_token", lanyard.token(content), "actor_token_type",
						OAuthNames.CONTENT_SESSION, "audience", "https://not-configured.example"));
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(Lanyard.JSON.readTree(elsewhere.body()).get("error").asString()).isEqualTo("invalid_target");
	}

	@Test
	void exchangeWhenUserSessionForServiceAccountThenAuditRecordNamesContentAndUser() throws Exception {
		String integrationId = serviceAccount("reports-" + SUFFIX);
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "mapped-" + SUFFIX, Map.of("preferred_username", "mapped" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = viewers.userSessionToken(browser);

		HttpResponse<String> response = viewers.exchangeUntil(userToken, integrationId, "access_token");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String external = Lanyard.JSON.readTree(response.body()).get("access_token").asString();
		JsonNode record = viewers.auditRecord(Lanyard.sha256(external));
		assertThat(record.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(record.get("subjectId").asString()).isEqualTo(ensemble.demoContent().clientId());
		assertThat(record.get("integrationId").asString()).isEqualTo(integrationId);
		// "service acted for user": the record names the user too (TokenIssued's
		// onBehalfOfUserId, as audit shows it)
		assertThat(record.toString()).contains(userId);
	}

	private static String serviceAccount(String name) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/" + name + "/token");
		body.put("clientId", "reports-client");
		body.put("clientSecret", "reports-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("read"));
		String id = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + ensemble.demoContent().clientId(), null);
		return id;
	}

	private static JsonNode introspect(ClientCredentials client, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(lanyard.gateway() + "/oauth2/introspect"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("token=" + token))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(response.body());
	}

	private static JsonNode payload(String jwt) {
		return Lanyard.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

}
