package dev.lanyard.e2e.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker's view, through the gateway only: each attack of the security review that
 * can be played from outside, what Lanyard must answer, and what it answered. The table
 * is printed at the end; every row is also an assertion.
 */
class SecuritySuiteIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final List<String> TABLE = new ArrayList<>();

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static String admin;

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
	}

	@AfterAll
	static void print() {
		System.out.println();
		System.out.printf("%-64s | %-34s | %s%n", "attack", "expected refusal", "seen");
		System.out.println("-".repeat(64) + "-+-" + "-".repeat(34) + "-+-" + "-".repeat(34));
		TABLE.forEach(System.out::println);
	}

	@Test
	void exchangeWithoutClientAuthenticationThenInvalidClient() throws Exception {
		String subject = lanyard.token(ensemble.demoContent());
		HttpResponse<String> response = lanyard.tokenRequest(null, Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
				"subject_token", subject, "subject_token_type", OAuthNames.CONTENT_SESSION, "audience", "any"));
		row("exchange a content session token with no client authentication", "401 invalid_client", response);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client").doesNotContain("access_token");
	}

	@Test
	void exchangeBySomeoneElsesContentThenInvalidGrant() throws Exception {
		ClientCredentials thief = newContentClient();
		String subject = lanyard.token(ensemble.demoContent());
		HttpResponse<String> response = lanyard.tokenRequest(thief, Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
				"subject_token", subject, "subject_token_type", OAuthNames.CONTENT_SESSION, "audience", "any"));
		row("another content client presents demo-content's token", "400 invalid_grant", response);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant");
	}

	@Test
	void exchangeByAContentItemNotLinkedToTheIntegrationThenUnauthorizedClient() throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "linked-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/warehouse/token");
		body.put("clientId", "warehouse-client");
		body.put("clientSecret", "change-me-" + UUID.randomUUID());
		body.put("scopes", List.of("read"));
		String integration = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + integration + "/content/" + ensemble.demoContent().clientId(),
				null);
		ClientCredentials outsider = newContentClient();
		Map<String, String> form = Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token",
				lanyard.token(outsider), "subject_token_type", OAuthNames.CONTENT_SESSION, "audience", integration);
		HttpResponse<String> response = lanyard.tokenRequest(outsider, form);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (response.body().contains("Unknown integration") && System.nanoTime() < deadline) {
			Thread.sleep(250);
			response = lanyard.tokenRequest(outsider, form);
		}
		row("a content item not linked to the integration exchanges its own token", "400 unauthorized_client",
				response);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("unauthorized_client").doesNotContain("access_token");
	}

	@Test
	void userSessionTokenPresentedByAnotherContentThenInvalidGrant() throws Exception {
		Browser browser = signedIn("victim");
		String token = userSessionToken(browser);
		ClientCredentials thief = newContentClient();
		HttpResponse<String> response = exchange(thief, token);
		row("a user session token minted for demo-content, used by another content", "400 invalid_grant", response);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant").contains("not issued for this client");
	}

	@Test
	void userSessionTokenReplayedAfterSignOutThenInvalidGrant() throws Exception {
		Browser browser = signedIn("leaver");
		String token = userSessionToken(browser);
		assertThat(browser.post("/logout").statusCode()).isEqualTo(204);
		HttpResponse<String> response = exchange(ensemble.demoContent(), token);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!response.body().contains("has ended") && System.nanoTime() < deadline) {
			Thread.sleep(250);
			response = exchange(ensemble.demoContent(), token);
		}
		row("a user session token replayed after its person signed out", "400 invalid_grant (session ended)", response);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant").contains("has ended");
	}

	@Test
	void userSessionTokenAtEveryApiThenRefused() throws Exception {
		String token = userSessionToken(signedIn("confused"));
		for (String path : List.of("/api/connections", "/api/admin/clients", "/api/audit/events", "/api/admin/users",
				"/api/integrations")) {
			HttpResponse<String> response = lanyard.get(token, path);
			row("a user session token (held by content) as bearer at " + path, "401 or 403", response);
			assertThat(response.statusCode()).as(path).isIn(401, 403);
		}
	}

	@Test
	void tokenForOneServiceAtAnotherThenUnauthorized() throws Exception {
		String auditor = lanyard.token(ensemble.demoAuditor());
		for (String path : List.of("/api/admin/clients", "/api/admin/users", "/api/integrations")) {
			HttpResponse<String> response = lanyard.get(auditor, path);
			row("an auditor's token (audience audit) at " + path, "401", response);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
		}
	}

	@Test
	void administratorCreatesAGatewayClientThenRefused() throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("clientId", "rogue-gateway-" + UUID.randomUUID());
		body.put("name", "Rogue gateway");
		body.put("kind", "gateway");
		HttpResponse<String> response = lanyard.send(admin, "POST", "/api/admin/clients", body);
		row("an administrator creates a client of kind gateway", "400 problem", response);
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void crossSiteRequestsOnTheConnectionsApiThenForbidden() throws Exception {
		Browser browser = signedIn("crosssite");
		HttpResponse<String> delete = browser.send("DELETE", "/api/connections/anything",
				Map.of("Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "cors"));
		row("a sibling subdomain's script DELETEs a connection with the cookie", "403 problem", delete);
		assertThat(delete.statusCode()).isEqualTo(403);
		HttpResponse<String> read = browser.send("GET", "/api/connections",
				Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors"));
		row("another site's script reads /api/connections with the cookie", "403 problem", read);
		assertThat(read.statusCode()).isEqualTo(403);
		HttpResponse<String> own = browser.send("GET", "/api/connections",
				Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors"));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	@Test
	void concurrentSignInsWithOneForgedCorrelationIdThenEachGetsItsOwnUser() throws Exception {
		Map<String, String> forged = Map.of("X-Correlation-Id", "forged-" + UUID.randomUUID());
		List<String> names = List.of("alice" + UUID.randomUUID().toString().substring(0, 6),
				"bob" + UUID.randomUUID().toString().substring(0, 6));
		List<Browser> browsers = List.of(new Browser(lanyard.gateway(), forged),
				new Browser(lanyard.gateway(), forged));
		try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var first = executor
				.submit(() -> browsers.get(0).signIn("dev", names.get(0), Map.of("preferred_username", names.get(0))));
			var second = executor
				.submit(() -> browsers.get(1).signIn("dev", names.get(1), Map.of("preferred_username", names.get(1))));
			first.get();
			second.get();
		}
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> me = browsers.get(i).get("/api/me");
			row("concurrent sign-in " + (i + 1) + " of 2, both with one forged X-Correlation-Id",
					"its own user: " + names.get(i), me);
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(Lanyard.JSON.readTree(me.body()).get("username").asString()).isEqualTo(names.get(i));
		}
	}

	@Test
	void secretGuessedTooOftenThenTooManyRequestsEvenWithTheRightSecret() throws Exception {
		ClientCredentials victim = newContentClient();
		for (int attempt = 0; attempt < 10; attempt++) {
			HttpResponse<String> guess = lanyard.tokenRequest(
					new ClientCredentials(victim.clientId(), "guess-" + attempt),
					Map.of("grant_type", "client_credentials"));
			assertThat(guess.statusCode()).isEqualTo(401);
		}
		HttpResponse<String> response = lanyard.tokenRequest(victim, Map.of("grant_type", "client_credentials"));
		row("the 11th try at one client's secret within a minute (this time right)", "429 Retry-After", response);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void floodOfIdenticalDenialsThenFewRecordsCountingEveryOne() throws Exception {
		ClientCredentials flooder = newContentClient();
		String subject = lanyard.token(flooder);
		String integration = "flood-" + UUID.randomUUID();
		int requests = 200;
		HttpResponse<String> last = null;
		for (int i = 0; i < requests; i++) {
			last = lanyard.tokenRequest(flooder, Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token",
					subject, "subject_token_type", OAuthNames.CONTENT_SESSION, "audience", integration));
			assertThat(last.statusCode()).isEqualTo(400);
		}
		String auditor = lanyard.token(ensemble.demoAuditor());
		var records = lanyard.auditEvents(auditor, "subject=" + flooder.clientId());
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (records.size() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			records = lanyard.auditEvents(auditor, "subject=" + flooder.clientId());
		}
		long denials = 0;
		for (var record : records) {
			if ("CredentialDenied".equals(record.path("eventType").asString())) {
				denials++;
			}
		}
		row(requests + " identical denied exchanges by one content token within a minute",
				"every one answered 400; at most 2 records", last);
		assertThat(denials).as("records of the flood so far (the summary follows when the window ends)")
			.isBetween(1L, 2L);
	}

	@Test
	void signInWithAnUnverifiedAddressOfAnAllowedDomainThenRefused() throws Exception {
		String name = "impostor" + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> unverified = new Browser(lanyard.gateway()).signIn(SharedEnsemble.STRICT, name,
				Map.of("preferred_username", name, "email", "ceo@example.com"));
		row("sign-in with an unverified ceo@example.com where only example.com may sign in", "403 email-unverified",
				unverified);
		assertThat(unverified.statusCode()).isEqualTo(403);
		assertThat(unverified.body()).contains("email-unverified");

		String real = "staff" + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> verified = new Browser(lanyard.gateway()).signIn(SharedEnsemble.STRICT, real,
				Map.of("preferred_username", real, "email", real + "@example.com", "email_verified", true));
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(302);
	}

	@Test
	void integrationPointingAtCloudMetadataThenRefused() throws Exception {
		for (String endpoint : List.of("http://169.254.169.254/latest/meta-data/iam/token",
				"http://[fd00:ec2::254]/token", "http://0.0.0.0:8090/token")) {
			Map<String, Object> body = new HashMap<>();
			body.put("name", "ssrf-" + UUID.randomUUID().toString().substring(0, 8));
			body.put("template", "custom");
			body.put("kind", "service-account");
			body.put("tokenEndpoint", endpoint);
			body.put("clientId", "x");
			body.put("clientSecret", "change-me-" + UUID.randomUUID());
			body.put("scopes", List.of("read"));
			HttpResponse<String> response = lanyard.send(admin, "POST", "/api/integrations", body);
			row("an integration whose token endpoint is " + endpoint + " (private endpoints allowed)", "400 problem",
					response);
			assertThat(response.statusCode()).as(endpoint).isEqualTo(400);
		}
	}

	private static ClientCredentials newContentClient() throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Attacker's content");
		body.put("kind", "content");
		var created = lanyard.ok(admin, "POST", "/api/admin/clients", body);
		return new ClientCredentials(created.get("clientId").asString(), created.get("clientSecret").asString());
	}

	private static Browser signedIn(String who) throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		String name = who + UUID.randomUUID().toString().substring(0, 6);
		browser.signIn("dev", name, Map.of("preferred_username", name));
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (browser.get("/api/me").statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		return browser;
	}

	private static String userSessionToken(Browser browser) throws Exception {
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
	}

	private static HttpResponse<String> exchange(ClientCredentials client, String userSessionToken) throws Exception {
		return lanyard.tokenRequest(client, Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token",
				userSessionToken, "subject_token_type", OAuthNames.USER_SESSION, "audience", "no-such-integration"));
	}

	private static void row(String attack, String expected, HttpResponse<String> seen) {
		String body = seen.body().replaceAll("\\s+", " ");
		String error = body.contains("\"error\"") ? body.replaceAll(".*\"error\":\"([^\"]+)\".*", "$1")
				: (body.contains("\"title\"") ? body.replaceAll(".*\"title\":\"([^\"]+)\".*", "$1") : "");
		synchronized (TABLE) {
			TABLE.add(String.format("%-64s | %-34s | %d %s", attack, expected, seen.statusCode(), error));
		}
	}

}
