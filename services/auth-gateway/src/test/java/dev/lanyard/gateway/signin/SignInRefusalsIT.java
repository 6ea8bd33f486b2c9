package dev.lanyard.gateway.signin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.gateway.signin.FakeOpenIdProvider.IdToken;
import dev.lanyard.gateway.signin.FakeOpenIdProvider.Signing;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a sign-in is refused, each against a hand-written OpenID provider that crafts
 * the ID token wrong in one way: the refusal is a clear problem, no UserLoggedIn reaches
 * Kafka and no session is left that {@code GET /api/me} would accept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInRefusalsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PORT = freePort();

	private static final FakeOpenIdProvider PROVIDER = FakeOpenIdProvider.start();

	/** Its own provider, so rotating its key cannot disturb the other tests. */
	private static final FakeOpenIdProvider ROTATING = FakeOpenIdProvider.start();

	/** Its discovery document takes longer than the gateway waits for a provider. */
	private static final FakeOpenIdProvider STALLING = stalling();

	private static final ProvisioningStandIn PROVISIONING = new ProvisioningStandIn(Set.of("fake", "rotating"));

	private static final String UNVERIFIABLE = "The identity provider's answer could not be verified (%s);"
			+ " start the sign-in again.";

	private HttpClient browser = newBrowser();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "auth_gateway");
		registry.add("server.port", () -> PORT);
		registry.add("lanyard.gateway.sign-in.public-url", () -> "http://127.0.0.1:" + PORT);
		registry.add("lanyard.gateway.sign-in.allow-insecure-loopback-issuers", () -> "true");
		registry.add("lanyard.gateway.sign-in.outcome-timeout", () -> "15s");
		provider(registry, "fake", PROVIDER.issuer());
		provider(registry, "rotating", ROTATING.issuer());
		provider(registry, "stalling", STALLING.issuer());
		PROVISIONING.start(infrastructure);
	}

	private static void provider(DynamicPropertyRegistry registry, String name, String issuer) {
		String prefix = "lanyard.gateway.sign-in.providers." + name + ".";
		registry.add(prefix + "issuer", () -> issuer);
		registry.add(prefix + "client-id", () -> "lanyard");
		registry.add(prefix + "client-secret", () -> "not-a-real-secret-" + name);
	}

	@AfterAll
	static void stop() {
		PROVISIONING.close();
		PROVIDER.close();
		ROTATING.close();
		STALLING.close();
	}

	private static FakeOpenIdProvider stalling() {
		FakeOpenIdProvider provider = FakeOpenIdProvider.start();
		provider.delayDiscoveryAnswers(Duration.ofSeconds(25));
		return provider;
	}

	@Test
	void loginWhenDiscoveryDoesNotAnswerInTimeThenServiceUnavailableWithoutRedirect() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> start = this.browser
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/login/stalling"))
				.timeout(Duration.ofSeconds(40))
				.build(), HttpResponse.BodyHandlers.ofString());
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(start.statusCode()).as(start.body()).isEqualTo(503);
		assertThat(start.headers().firstValue("Location")).isEmpty();
		assertThat(JSON.readTree(start.body()).get("detail").asString()).contains("'stalling'");
		// the gateway's own bound (10 s) answered, not the provider (25 s)
		assertThat(waited).isLessThan(Duration.ofSeconds(22));
	}

	@Test
	void callbackWhenIdTokenFromAnotherIssuerThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("iss");

		HttpResponse<String> callback = signIn("fake",
				honest(subject).tampered((claims) -> claims.issuer("http://127.0.0.1:1/another-issuer")));

		assertRefusedAsUnverifiable(callback, "invalid_id_token", subject);
	}

	@Test
	void callbackWhenIdTokenForAnotherAudienceThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("aud");

		HttpResponse<String> callback = signIn("fake",
				honest(subject).tampered((claims) -> claims.audience("another-client")));

		assertRefusedAsUnverifiable(callback, "invalid_id_token", subject);
	}

	@Test
	void callbackWhenIdTokenSignedByUnpublishedKeyThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("sig");

		HttpResponse<String> callback = signIn("fake", honest(subject).signed(Signing.FOREIGN_KEY));

		assertRefusedAsUnverifiable(callback, "invalid_id_token", subject);
	}

	@Test
	void callbackWhenIdTokenUnsignedThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("none");

		HttpResponse<String> callback = signIn("fake", honest(subject).signed(Signing.UNSIGNED));

		assertRefusedAsUnverifiable(callback, "invalid_id_token", subject);
	}

	@Test
	void callbackWhenIdTokenNonceDiffersThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("nonce");

		HttpResponse<String> callback = signIn("fake",
				honest(subject).tampered((claims) -> claims.claim("nonce", "a-nonce-from-another-sign-in")));

		assertRefusedAsUnverifiable(callback, "invalid_nonce", subject);
	}

	@Test
	void callbackWhenIdTokenExpiredThenUnauthorizedAndNothingAnnounced() throws Exception {
		String subject = subject("exp");
		Instant issued = Instant.now().minus(Duration.ofMinutes(20));

		HttpResponse<String> callback = signIn("fake",
				honest(subject).tampered((claims) -> claims.issueTime(Date.from(issued))
					.expirationTime(Date.from(issued.plus(Duration.ofMinutes(10))))));

		assertRefusedAsUnverifiable(callback, "invalid_id_token", subject);
	}

	@Test
	void callbackWhenStateMissingThenUnauthorizedWithoutRedeemingTheCode() throws Exception {
		String subject = subject("no-state");
		String callbackUrl = authorize("fake", PROVIDER, honest(subject));
		int tokenRequests = PROVIDER.tokenRequests();
		assertThat(callbackUrl).contains("&state=");

		HttpResponse<String> callback = send(
				HttpRequest.newBuilder(URI.create(callbackUrl.replaceFirst("&state=[^&]*", ""))));

		assertRefusedAsUnverifiable(callback, "authorization_request_not_found", subject);
		assertThat(PROVIDER.tokenRequests()).isEqualTo(tokenRequests);
	}

	@Test
	void callbackWhenReplayedAfterCompletingThenUnauthorizedAndAnnouncedOnlyOnce() throws Exception {
		String subject = subject("replay");
		String callbackUrl = authorize("fake", PROVIDER, honest(subject));
		HttpResponse<String> completed = send(HttpRequest.newBuilder(URI.create(callbackUrl)));
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(302);
		int tokenRequests = PROVIDER.tokenRequests();

		HttpResponse<String> replayed = send(HttpRequest.newBuilder(URI.create(callbackUrl)));
		// and by someone who found the URL (history, logs): a browser without that state
		this.browser = newBrowser();
		HttpResponse<String> replayedElsewhere = send(HttpRequest.newBuilder(URI.create(callbackUrl)));

		assertUnverifiable(replayed, "authorization_request_not_found");
		assertUnverifiable(replayedElsewhere, "authorization_request_not_found");
		assertThat(get("/api/me").statusCode()).isEqualTo(401);
		assertThat(PROVIDER.tokenRequests()).isEqualTo(tokenRequests);
		assertThat(PROVISIONING.loginsFor(subject)).hasSize(1);
	}

	@Test
	void callbackWhenProviderRotatedItsKeyThenJwksFetchedAgainAndSignedIn() throws Exception {
		HttpResponse<String> before = signIn("rotating", honest(subject("before-rotation")));
		assertThat(before.statusCode()).as(before.body()).isEqualTo(302);
		ROTATING.rotateKey();
		int jwksRequests = ROTATING.jwksRequests();
		String subject = subject("after-rotation");

		HttpResponse<String> after = signIn("rotating", IdToken.honest(subject, Map.of("preferred_username", "grace")));

		assertThat(after.statusCode()).as(after.body()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValue("/api/me");
		assertThat(ROTATING.jwksRequests()).isEqualTo(jwksRequests + 1);
		HttpResponse<String> me = get("/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo("grace");
		assertThat(PROVISIONING.loginsFor(subject)).hasSize(1);
	}

	@Test
	void callbackWhenProvisioningRefusesReservedUsernameThenForbiddenWithItsMessageAndNoSession() throws Exception {
		String subject = subject("reserved");

		HttpResponse<String> callback = signIn("fake", IdToken.honest(subject, Map.of("preferred_username", "login")));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(403);
		assertThat(callback.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(callback.body());
		assertThat(problem.get("detail").asString()).isEqualTo(ProvisioningStandIn.refusalFor("login"));
		assertThat(problem.get("reason").asString()).isEqualTo("invalid-username");
		assertThat(get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void callbackWhenTokenEndpointDoesNotAnswerInTimeThenServiceUnavailableAndNothingAnnounced() throws Exception {
		String subject = subject("slow");
		// longer than the gateway waits for a provider (10 s): only its timeout answers
		PROVIDER.delayTokenAnswers(Duration.ofSeconds(12));
		try {
			HttpResponse<String> callback = signIn("fake", honest(subject));

			assertThat(callback.statusCode()).as(callback.body()).isEqualTo(503);
			assertThat(JSON.readTree(callback.body()).get("error").asString()).isEqualTo("temporarily_unavailable");
			assertThat(PROVISIONING.loginsFor(subject)).isEmpty();
		}
		finally {
			PROVIDER.delayTokenAnswers(Duration.ZERO);
		}
	}

	private void assertRefusedAsUnverifiable(HttpResponse<String> callback, String error, String subject)
			throws Exception {
		assertUnverifiable(callback, error);
		assertThat(get("/api/me").statusCode()).isEqualTo(401);
		assertThat(PROVISIONING.loginsFor(subject)).isEmpty();
	}

	private static void assertUnverifiable(HttpResponse<String> callback, String error) {
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(401);
		assertThat(callback.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(callback.body());
		assertThat(problem.get("detail").asString()).isEqualTo(UNVERIFIABLE.formatted(error));
		assertThat(problem.get("error").asString()).isEqualTo(error);
	}

	private static IdToken honest(String subject) {
		return IdToken.honest(subject, Map.of("preferred_username", "ada", "email", "ada@example.com"));
	}

	private static String subject(String scenario) {
		return scenario + "-" + UUID.randomUUID();
	}

	/** The browser's part: start at the gateway, let the provider answer, return. */
	private HttpResponse<String> signIn(String provider, IdToken idToken) throws Exception {
		FakeOpenIdProvider upstream = "rotating".equals(provider) ? ROTATING : PROVIDER;
		return send(HttpRequest.newBuilder(URI.create(authorize(provider, upstream, idToken))));
	}

	/**
	 * Starts a sign-in and returns the callback URL the provider sends the browser to.
	 */
	private String authorize(String provider, FakeOpenIdProvider upstream, IdToken idToken) throws Exception {
		HttpResponse<String> start = get("/login/" + provider);
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		String authorization = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorization).startsWith(upstream.issuer() + "/authorize?");
		upstream.issueNext(idToken);
		HttpResponse<String> authorized = send(HttpRequest.newBuilder(URI.create(authorization)));
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
		return authorized.headers().firstValue("Location").orElseThrow();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpClient newBrowser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
