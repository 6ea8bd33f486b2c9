package dev.lanyard.gateway.signin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.gateway.signin.adapter.jdbc.JdbcSessionRepository;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in end to end at the gateway: the real Spring Security OAuth2 client against
 * mock-oauth2-server (a real OIDC provider run in-process) and real Kafka and registry. A
 * small responder in the test stands in for user-provisioning: it answers each
 * UserLoggedIn with a UserChanged (or a UserLoginRefused for unique ids starting with
 * "locked-"), as the real service does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "logging.level.dev.lanyard.gateway.signin=DEBUG",
				"logging.level.org.springframework.kafka.listener.KafkaMessageListenerContainer=DEBUG" })
class SignInIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PORT = freePort();

	private static final MockOAuth2Server OIDC = startOidc();

	private static final HttpServer LYING_PROVIDER = startLyingProvider();

	private static final Responder PROVISIONING = new Responder();

	/** token-broker's deposit endpoint, recording what the gateway sends. */
	private static final HttpServer TOKEN_BROKER = startTokenBroker();

	private static final ConcurrentLinkedQueue<String[]> DEPOSITS = new ConcurrentLinkedQueue<>();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "auth_gateway");
		registry.add("server.port", () -> PORT);
		String issuer = OIDC.issuerUrl("default").toString();
		registry.add("lanyard.gateway.sign-in.public-url", () -> "http://127.0.0.1:" + PORT);
		registry.add("lanyard.gateway.sign-in.allow-insecure-loopback-issuers", () -> "true");
		registry.add("lanyard.gateway.sign-in.outcome-timeout", () -> "15s");
		provider(registry, "dev", issuer);
		provider(registry, "corp", issuer);
		registry.add("lanyard.gateway.sign-in.providers.corp.allowed-domains", () -> "example.com");
		registry.add("lanyard.gateway.sign-in.providers.corp.require-username-claim", () -> "true");
		provider(registry, "liar", "http://127.0.0.1:" + LYING_PROVIDER.getAddress().getPort() + "/realms/corp");
		provider(registry, "obo", issuer);
		registry.add("lanyard.gateway.sign-in.providers.obo.deposit-upstream-token", () -> "true");
		registry.add("lanyard.gateway.token-broker-url",
				() -> "http://127.0.0.1:" + TOKEN_BROKER.getAddress().getPort());
		registry.add("lanyard.gateway.token-broker-client.client-id", () -> "it-gateway");
		registry.add("lanyard.gateway.token-broker-client.client-secret", () -> "it-gateway-secret");
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
		OIDC.shutdown();
		LYING_PROVIDER.stop(0);
		TOKEN_BROKER.stop(0);
	}

	@Test
	void signInWhenProviderDepositsThenTokenBrokerGetsItsAccessTokenForThisSessionAndOthersNothing() throws Exception {
		String subject = "olga-" + UUID.randomUUID();
		DEPOSITS.clear();
		HttpResponse<String> callback = signIn("obo", subject, Map.of("preferred_username", "olga"));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		String userId = JSON.readTree(get("/api/me").body()).get("id").asString();

		assertThat(DEPOSITS).singleElement().satisfies((deposit) -> {
			assertThat(deposit[0]).isEqualTo("Basic " + java.util.Base64.getEncoder()
				.encodeToString("it-gateway:it-gateway-secret".getBytes(StandardCharsets.UTF_8)));
			JsonNode body = JSON.readTree(deposit[1]);
			assertThat(body.get("userId").asString()).isEqualTo(userId);
			assertThat(body.get("sessionId").asString()).isNotBlank();
			assertThat(UUID.fromString(body.get("loginEventId").asString())).isNotNull();
			assertThat(
					com.nimbusds.jwt.SignedJWT.parse(body.get("accessToken").asString()).getJWTClaimsSet().getSubject())
				.as("the provider's access token")
				.isEqualTo(subject);
			assertThat(Instant.parse(body.get("expiresAt").asString())).isAfter(Instant.now());
			// the token lives on the callback request only, never in the session table
			assertThat(
					this.jdbc.sql("select count(*) from web_session where convert_from(attributes, 'UTF8') like :token")
						.param("token", "%" + body.get("accessToken").asString() + "%")
						.query(Long.class)
						.single())
				.isZero();
		});

		DEPOSITS.clear();
		signIn("dev", "plain-" + UUID.randomUUID(), Map.of("preferred_username", "plain"));
		assertThat(DEPOSITS).as("a provider not set to deposit").isEmpty();
	}

	private static HttpServer startTokenBroker() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/internal/upstream-tokens", (exchange) -> {
				DEPOSITS.add(new String[] { exchange.getRequestHeaders().getFirst("Authorization"),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) });
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void signInWhenProviderVouchesAndProvisioningAcceptsThenMeAnswersTheUser() throws Exception {
		HttpResponse<String> callback = signIn("dev", "ada-" + UUID.randomUUID(),
				Map.of("preferred_username", "ada", "email", "ada@example.com", "given_name", "Ada", "family_name",
						"Lovelace", "groups", List.of("eng", "ops")));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location")).hasValue("/api/me");
		JsonNode me = JSON.readTree(get("/api/me").body());
		assertThat(me.get("username").asString()).isEqualTo("ada");
		assertThat(me.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(me.get("role").asString()).isEqualTo("viewer");
		assertThat(me.get("groups")).hasSize(2);

		UserLoggedIn announced = PROVISIONING.lastLogin();
		assertThat(announced.getProvider()).isEqualTo("dev");
		assertThat(announced.getIssuer()).isEqualTo(OIDC.issuerUrl("default").toString());
		assertThat(announced.getGroups()).containsExactly("eng", "ops");
		assertThat(announced.getClaimedFields()).containsExactly("username", "email", "firstName", "lastName");
		assertThat(announced.getRegisterOnFirstLogin()).isTrue();
	}

	@Test
	void loginWhenStartedThenAuthorizationRequestCarriesPkceStateAndNonce() throws Exception {
		HttpResponse<String> start = get("/login/dev");

		assertThat(start.statusCode()).isEqualTo(302);
		String location = start.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(OIDC.issuerUrl("default").toString())
			.contains("code_challenge_method=S256")
			.contains("code_challenge=")
			.contains("state=")
			.contains("nonce=")
			.contains("scope=openid%20email%20profile");
	}

	@Test
	void meWhenNotSignedInThenUnauthorizedProblem() throws Exception {
		HttpResponse<String> me = get("/api/me");

		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void signInWhenProvisioningRefusesThenForbiddenWithItsMessageAndNoSession() throws Exception {
		HttpResponse<String> callback = signIn("dev", "locked-" + UUID.randomUUID(),
				Map.of("preferred_username", "mallory"));

		assertThat(callback.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(callback.body()).get("detail").asString()).isEqualTo("Your account is locked.");
		assertThat(get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void signInWhenEmailOutsideAllowedDomainsThenForbiddenAndNothingAnnounced() throws Exception {
		int before = PROVISIONING.logins();

		HttpResponse<String> callback = signIn("corp", "eve-" + UUID.randomUUID(),
				Map.of("preferred_username", "eve", "email", "eve@other.org"));

		assertThat(callback.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(callback.body()).get("reason").asString()).isEqualTo("not-allowed");
		Thread.sleep(500);
		assertThat(PROVISIONING.logins()).isEqualTo(before);
	}

	@Test
	void signInWhenAllowedDomainButEmailUnverifiedThenForbiddenAndNothingAnnounced() throws Exception {
		int before = PROVISIONING.logins();

		HttpResponse<String> unverified = signIn("corp", "mallory-" + UUID.randomUUID(),
				Map.of("preferred_username", "mallory", "email", "ceo@example.com"));

		assertThat(unverified.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(unverified.body()).get("reason").asString()).isEqualTo("email-unverified");
		Thread.sleep(500);
		assertThat(PROVISIONING.logins()).isEqualTo(before);
	}

	@Test
	void signInWhenUsernameRequiredButAbsentThenForbiddenNamingTheClaim() throws Exception {
		HttpResponse<String> callback = signIn("corp", "bob-" + UUID.randomUUID(), Map.of("email", "bob@example.com"));

		assertThat(callback.statusCode()).isEqualTo(403);
		assertThat(callback.body()).contains("preferred_username");
	}

	@Test
	void loginWhenDiscoveryNamesAnotherIssuerThenRefusedWithoutRedirect() throws Exception {
		HttpResponse<String> start = get("/login/liar");

		assertThat(start.statusCode()).isEqualTo(503);
		assertThat(start.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void callbackWhenStateUnknownThenUnauthorizedProblem() throws Exception {
		get("/login/dev");

		HttpResponse<String> callback = get("/login/oauth2/code/dev?code=forged&state=forged");

		assertThat(callback.statusCode()).isEqualTo(401);
		assertThat(callback.body()).contains("could not be verified");
	}

	@Test
	void callbackWhenForgedWhileSignedInThenRefusedAndSessionKept() throws Exception {
		signIn("dev", "dave-" + UUID.randomUUID(), Map.of("preferred_username", "dave"));
		assertThat(get("/api/me").statusCode()).isEqualTo(200);

		HttpResponse<String> forged = get("/login/oauth2/code/dev?code=forged&state=forged");

		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(get("/api/me").statusCode()).as("a forged callback signs nobody out").isEqualTo(200);
	}

	@Test
	void logoutWhenSignedInThenSessionEnded() throws Exception {
		signIn("dev", "carol-" + UUID.randomUUID(), Map.of("preferred_username", "carol"));
		assertThat(get("/api/me").statusCode()).isEqualTo(200);
		String csrf = this.browser.cookieHandler()
			.map((handler) -> ((CookieManager) handler).getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.findFirst()
				.orElseThrow()
				.getValue())
			.orElseThrow();

		HttpResponse<String> withoutCsrf = send(
				HttpRequest.newBuilder(uri("/logout")).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void sessionWhenSignedInThenStoredByItsHashAndServedToAnotherGatewayUntilLogout() throws Exception {
		signIn("dev", "dora-" + UUID.randomUUID(), Map.of("preferred_username", "dora", "email", "dora@example.com"));
		String cookie = cookie("SESSION");
		String userId = JSON.readTree(get("/api/me").body()).get("id").asString();

		Map<String, Object> row = this.jdbc
			.sql("select id_sha256, user_id, attributes from web_session where user_id = :userId")
			.param("userId", userId)
			.query()
			.singleRow();
		assertThat(row.get("id_sha256")).isEqualTo(JdbcSessionRepository.sha256(cookie));
		String stored = new String((byte[]) row.get("attributes"), StandardCharsets.ISO_8859_1);
		// the user id is what the session holds: no security context, so no ID token
		// (a JWT's header starts "eyJ") and no claims
		assertThat(stored).doesNotContain(cookie)
			.contains(userId)
			.doesNotContain("SPRING_SECURITY_CONTEXT")
			.doesNotContain("eyJ")
			.doesNotContain("dora@");
		// another gateway (a repository of its own over the same table) knows the session
		JdbcSessionRepository another = new JdbcSessionRepository(this.jdbc, Schedulers.boundedElastic(),
				Duration.ofMinutes(30), Duration.ofHours(12), "lanyard.userId", Set.of(), Clock.systemUTC());
		MapSession found = another.findById(cookie).block(Duration.ofSeconds(10));
		assertThat(found).isNotNull();
		assertThat((String) found.getAttribute("lanyard.userId")).isEqualTo(userId);
		assertThat(another.findById("not-" + cookie).blockOptional(Duration.ofSeconds(10))).isEmpty();

		HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
			.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(another.findById(cookie).blockOptional(Duration.ofSeconds(10))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from web_session where id_sha256 = :id")
			.param("id", JdbcSessionRepository.sha256(cookie))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void signInWhenAcceptedThenTheProvidersTokensAreKeptNowhere() throws Exception {
		String subject = "gale-" + UUID.randomUUID();
		HttpResponse<String> callback = signIn("dev", subject, Map.of("preferred_username", "gale"));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);

		// the service Spring Security would have kept them in, one entry per user for
		// good
		ReactiveOAuth2AuthorizedClientService kept = this.context
			.getBeanProvider(ReactiveOAuth2AuthorizedClientService.class)
			.getIfAvailable();
		assertThat(kept).isNotNull();
		assertThat(kept.loadAuthorizedClient("dev", subject).blockOptional(Duration.ofSeconds(5))).isEmpty();
	}

	@Test
	void signInWhenAcceptedThenTheSessionGetsANewCookieAndTheStartCookieIsDead() throws Exception {
		HttpResponse<String> start = get("/login/dev");
		assertThat(start.statusCode()).isEqualTo(302);
		String planted = cookie("SESSION");
		OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("default", "finn-" + UUID.randomUUID(), "JWT",
				List.of("lanyard"), new HashMap<>(Map.of("preferred_username", "finn")), 3600));
		HttpResponse<String> authorized = send(
				HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow())));
		HttpResponse<String> callback = send(
				HttpRequest.newBuilder(URI.create(authorized.headers().firstValue("Location").orElseThrow())));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		String signedIn = cookie("SESSION");
		assertThat(signedIn).isNotEqualTo(planted);
		assertThat(get("/api/me").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from web_session where id_sha256 = :id")
			.param("id", JdbcSessionRepository.sha256(planted))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void sessionWhenOlderThanTheAbsoluteLifetimeThenGoneHoweverActive() {
		Instant start = Instant.parse("2026-12-05T08:00:00Z");
		java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
				start);
		Clock clock = new Clock() {

			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		JdbcSessionRepository sessions = new JdbcSessionRepository(this.jdbc, Schedulers.boundedElastic(),
				Duration.ofMinutes(30), Duration.ofHours(1), "lanyard.userId", Set.of(), clock);
		MapSession session = sessions.createSession().block(Duration.ofSeconds(10));
		session.setAttribute("lanyard.userId", "u-absolute");
		String id = session.getId();
		// active every 20 minutes: the idle timeout never strikes
		for (int step = 1; step <= 3; step++) {
			sessions.save(session).block(Duration.ofSeconds(10));
			now.set(start.plus(Duration.ofMinutes(20L * step)));
			session = sessions.findById(id).block(Duration.ofSeconds(10));
			assertThat(session).as("after %d min", 20 * step).isNotNull();
			session.setLastAccessedTime(now.get());
		}
		sessions.save(session).block(Duration.ofSeconds(10));
		now.set(start.plus(Duration.ofMinutes(61)));
		assertThat(sessions.findById(id).block(Duration.ofSeconds(10))).as("past the absolute lifetime").isNull();
	}

	@Test
	void userDeactivatedThenEverySessionOfTheUserEnded() throws Exception {
		signIn("dev", "erin-" + UUID.randomUUID(), Map.of("preferred_username", "erin"));
		String userId = JSON.readTree(get("/api/me").body()).get("id").asString();
		String cookie = cookie("SESSION");

		publish(Topics.USER_DEACTIVATED.name(), userId,
				UserDeactivated.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOccurredAt(Instant.now())
					.setCorrelationId("sign-in-it")
					.setProducer("user-provisioning")
					.setUserId(userId)
					.setReason("scim-deactivated")
					.build());

		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		HttpResponse<String> me = get("/api/me");
		while (me.statusCode() == 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			me = get("/api/me");
		}
		assertThat(me.statusCode()).as(me.body()).isIn(401, 403);
		assertThat(this.jdbc.sql("select count(*) from web_session where id_sha256 = :id or user_id = :userId")
			.param("id", JdbcSessionRepository.sha256(cookie))
			.param("userId", userId)
			.query(Long.class)
			.single()).isZero();
	}

	private static void publish(String topic, String key, SpecificRecord event) throws Exception {
		Infrastructure infrastructure = Infrastructure.shared();
		Map<String, Object> props = new HashMap<>(
				AvroSerdes.producerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
		props.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props)) {
			producer.send(new ProducerRecord<>(topic, key, event)).get(20, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private String cookie(String name) {
		return this.browser.cookieHandler()
			.map((handler) -> ((CookieManager) handler).getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals(name))
				.findFirst()
				.orElseThrow()
				.getValue())
			.orElseThrow();
	}

	/** The browser's part: start, let the provider answer, return to the callback. */
	private HttpResponse<String> signIn(String provider, String subject, Map<String, Object> claims) throws Exception {
		HttpResponse<String> start = get("/login/" + provider);
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("lanyard"),
				new HashMap<>(claims), 3600));
		HttpResponse<String> authorized = send(
				HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow())));
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
		return send(HttpRequest.newBuilder(URI.create(authorized.headers().firstValue("Location").orElseThrow())));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + PORT + path);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockOAuth2Server startOidc() {
		MockOAuth2Server server = new MockOAuth2Server();
		try {
			server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

	/** Serves a discovery document whose issuer is not the one it is fetched for. */
	private static HttpServer startLyingProvider() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String base = "http://127.0.0.1:" + server.getAddress().getPort();
				byte[] body = ("{\"issuer\":\"" + base + "/realms/other\",\"authorization_endpoint\":\"" + base
						+ "/auth\",\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base
						+ "/jwks\",\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
						+ "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stands in for user-provisioning: answers every UserLoggedIn on the real topics. */
	private static final class Responder implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean();

		private final ConcurrentLinkedQueue<UserLoggedIn> logins = new ConcurrentLinkedQueue<>();

		private volatile UserLoggedIn last;

		private Thread thread;

		void start(Infrastructure infrastructure) {
			if (!this.running.compareAndSet(false, true)) {
				return;
			}
			RegistryProperties registry = new RegistryProperties(URI.create(infrastructure.registryUrl()), false);
			Map<String, Object> consumerProps = new HashMap<>(AvroSerdes.consumerProperties(registry));
			consumerProps.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
			consumerProps.put("group.id", "sign-in-it-" + UUID.randomUUID());
			consumerProps.put("auto.offset.reset", "earliest");
			Map<String, Object> producerProps = new HashMap<>(AvroSerdes.producerProperties(registry));
			producerProps.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
			KafkaConsumer<String, UserLoggedIn> consumer = new KafkaConsumer<>(consumerProps);
			consumer.subscribe(List.of(Topics.USER_LOGGED_IN.name()));
			KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerProps);
			this.thread = Thread.ofPlatform().daemon().name("provisioning-stand-in").start(() -> {
				try (consumer; producer) {
					while (this.running.get()) {
						for (ConsumerRecord<String, UserLoggedIn> record : consumer.poll(Duration.ofMillis(200))) {
							UserLoggedIn login = record.value();
							this.last = login;
							this.logins.add(login);
							try {
								answer(producer, login);
							}
							catch (Exception ex) {
								System.err.println("provisioning stand-in failed to answer: " + ex);
							}
						}
					}
				}
			});
		}

		private static void answer(KafkaProducer<String, SpecificRecord> producer, UserLoggedIn login)
				throws Exception {
			System.err
				.println(java.time.Instant.now() + " provisioning stand-in answers login " + login.getCorrelationId());
			if (login.getUniqueId().startsWith("locked-")) {
				producer
					.send(new ProducerRecord<>(Topics.USER_LOGIN_REFUSED.name(), login.getUniqueId(),
							UserLoginRefused.newBuilder()
								.setEventId(SignInAnswers.eventId(login.getEventId(), SignInAnswers.REFUSED))
								.setOccurredAt(Instant.now())
								.setCorrelationId(login.getCorrelationId())
								.setProducer("user-provisioning")
								.setLoginEventId(login.getEventId())
								.setProvider(login.getProvider())
								.setIssuer(login.getIssuer())
								.setUniqueId(login.getUniqueId())
								.setSessionId(login.getSessionId())
								.setReason("locked")
								.setMessage("Your account is locked.")
								.build()))
					.get();
				return;
			}
			String userId = UUID.nameUUIDFromBytes(login.getUniqueId().getBytes(StandardCharsets.UTF_8)).toString();
			producer
				.send(new ProducerRecord<>(Topics.USER_CHANGED.name(), userId,
						UserChanged.newBuilder()
							.setEventId(SignInAnswers.eventId(login.getEventId(), SignInAnswers.USER_CHANGED))
							.setOccurredAt(Instant.now())
							.setCorrelationId(login.getCorrelationId())
							.setProducer("user-provisioning")
							.setUserId(userId)
							.setUniqueId(login.getUniqueId())
							.setUsername((login.getUsername() != null) ? login.getUsername() : "derived")
							.setEmail(login.getEmail())
							.setFirstName(login.getFirstName())
							.setLastName(login.getLastName())
							.setRole("viewer")
							.setGroupIds((login.getGroups() != null) ? login.getGroups() : List.of())
							.setVersion(1)
							.build()))
				.get();
		}

		UserLoggedIn lastLogin() {
			return this.last;
		}

		int logins() {
			return this.logins.size();
		}

		@Override
		public void close() {
			this.running.set(false);
			if (this.thread != null) {
				try {
					this.thread.join(5000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
