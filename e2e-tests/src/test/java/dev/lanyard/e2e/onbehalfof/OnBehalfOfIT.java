package dev.lanyard.e2e.onbehalfof;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.e2e.support.Viewers;
import dev.lanyard.launcher.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-behalf-of viewer integrations end to end: a person signs in through the gateway
 * (whose development provider, mock-oauth2-server, is set to deposit its access token),
 * and content exchanges their user session token for a delegated integration:
 * token-broker asks the provider (the launcher's mock-oauth2-server again, which
 * implements RFC 8693 token exchange and the JWT-bearer grant, as Keycloak and Entra do)
 * with the person's upstream token. The person never visits a connect page; the external
 * token's subject is their upstream subject. After sign-out the exchange is refused.
 */
class OnBehalfOfIT {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

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
	void exchangeWhenDelegatedIntegrationThenUpstreamSubjectsTokenWithoutConnectAndRefusedAfterSignOut()
			throws Exception {
		String tokenExchange = delegatedIntegration("orders-" + SUFFIX, "token-exchange");
		String onBehalfOf = delegatedIntegration("graph-" + SUFFIX, "jwt-bearer-obo");
		String upstreamSubject = "obo-" + SUFFIX;
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", upstreamSubject, Map.of("preferred_username", "obo" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = viewers.userSessionToken(browser);

		HttpResponse<String> exchanged = viewers.exchangeUntil(userToken, tokenExchange, "access_token");
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		String external = Lanyard.JSON.readTree(exchanged.body()).get("access_token").asString();
		JsonNode claims = claims(external);
		assertThat(claims.get("sub").asString()).isEqualTo(upstreamSubject);
		assertThat(claims.get("aud").toString()).contains("orders-api");
		JsonNode record = viewers.auditRecord(Lanyard.sha256(external));
		assertThat(record.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(record.get("subjectId").asString()).isEqualTo(userId);
		assertThat(record.get("integrationId").asString()).isEqualTo(tokenExchange);

		HttpResponse<String> obo = viewers.exchangeUntil(userToken, onBehalfOf, "access_token");
		assertThat(obo.statusCode()).as(obo.body()).isEqualTo(200);
		assertThat(claims(Lanyard.JSON.readTree(obo.body()).get("access_token").asString()).get("sub").asString())
			.isEqualTo(upstreamSubject);

		HttpResponse<String> connections = browser.get("/api/connections");
		assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(connections.body())).as("no connect step").isEmpty();

		assertThat(browser.post("/logout").statusCode()).isEqualTo(204);
		HttpResponse<String> after = viewers.exchangeUntil(userToken, tokenExchange, "\"invalid_grant\"");
		assertThat(after.statusCode()).isEqualTo(400);
		assertThat(after.body()).doesNotContain("access_token");
	}

	@Test
	void exchangeWhenProviderDepositsNoTokenThenInvalidGrantSignInAgain() throws Exception {
		String integrationId = delegatedIntegration("nodeposit-" + SUFFIX, "token-exchange");
		Browser browser = new Browser(lanyard.gateway());
		String name = "nodeposit" + SUFFIX;
		HttpResponse<String> signedIn = browser.signIn(SharedEnsemble.STRICT, name,
				Map.of("preferred_username", name, "email", name + "@example.com", "email_verified", true));
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		String userToken = viewers.userSessionToken(browser);

		HttpResponse<String> refused = viewers.exchangeUntil(userToken, integrationId, "\"invalid_grant\"");
		assertThat(Lanyard.JSON.readTree(refused.body()).get("error_description").asString()).contains("sign in again");
	}

	/** A viewer integration with a delegation mode at the development provider. */
	private static String delegatedIntegration(String name, String delegation) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("template", "custom");
		body.put("kind", "viewer");
		body.put("delegation", delegation);
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/" + name + "/token");
		body.put("clientId", "obo-client");
		body.put("clientSecret", "obo-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("openid"));
		body.put("audience", "orders-api");
		String id = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + ensemble.demoContent().clientId(), null);
		return id;
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return Lanyard.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
