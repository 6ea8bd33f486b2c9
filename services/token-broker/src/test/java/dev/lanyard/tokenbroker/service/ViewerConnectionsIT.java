package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.connections.adapter.jdbc.JdbcConnectionStore;
import dev.lanyard.tokenbroker.connections.application.ConnectionStore;
import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewer integrations: the connect flow (authorization code + PKCE) against
 * mock-oauth2-server, the token exchange of user session tokens, refresh, disconnect and
 * deactivation.
 */
class ViewerConnectionsIT extends ServiceTestSupport {

	static final String USER_SESSION = "urn:lanyard:params:oauth:token-type:user-session";

	/** The content item the tests' user session tokens are minted for. */
	private static RegisteredClient content;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConnectionStore connections;

	@Test
	@Order(1)
	void connectThenExchangeReturnsExternalTokenAndRefreshesAfterExpiry() throws Exception {
		String userId = publishUser(false, Set.of("g-1"));
		String integrationId = publishViewer(Set.of("g-1"));
		String session = userSession(userId);
		String connections = connectionsToken(userId);

		Response before = awaitIntegration(() -> exchange(session, integrationId, null, null));
		assertError(before, "invalid_grant", "has not connected integration " + integrationId);
		String connectUrl = ISSUER + "/api/connections/" + integrationId + "/connect";
		assertThat(before.json().get("error_description").asString()).contains(connectUrl);
		assertThat(before.json().get("error_uri").asString()).isEqualTo(connectUrl);

		// the external service hands out tokens of four seconds' life, refreshed alike
		ExternalServices.server()
			.enqueueCallback(new DefaultOAuth2TokenCallback(ExternalServices.ISSUER_ID, "ext-" + userId, "JWT",
					List.of("external-api"), Map.of(), 4L));
		Response connected = connect(connections, integrationId, null);
		assertThat(connected.status()).as(connected.body()).isEqualTo(200);
		assertThat(connected.json().get("integrationId").asString()).isEqualTo(integrationId);
		assertThat(connected.json().get("connected").asBoolean()).isTrue();
		rememberStoredRefreshToken(userId, integrationId);

		Response listed = get("/api/connections", connections);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.json()).singleElement().satisfies((node) -> {
			assertThat(node.get("integrationId").asString()).isEqualTo(integrationId);
			assertThat(node.get("name").asString()).isEqualTo("IT " + integrationId);
			assertThat(node.get("connectedAt").asString()).isNotBlank();
			assertThat(node.get("scopes").toString()).contains("read");
		});

		Response first = exchange(session, integrationId, "read", null);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("issued_token_type").asString())
			.isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		String external = first.json().get("access_token").asString();
		Response again = exchange(session, integrationId, null, null);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("access_token").asString()).as("still fresh: the same token").isEqualTo(external);

		Thread.sleep(3_500);
		Response refreshed = exchange(session, integrationId, null, null);
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		String second = refreshed.json().get("access_token").asString();
		assertThat(second).as("refreshed after expiry").isNotEqualTo(external);
		assertThat(refreshed.json().get("expires_in").asLong()).isBetween(1L, 4L);

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(userId,
					(list) -> list.stream().filter((e) -> "external-access".equals(e.getTokenType())).count() == 3,
					Duration.ofSeconds(20));
			List<TokenIssued> handOuts = issued.stream()
				.filter((e) -> "external-access".equals(e.getTokenType()))
				.toList();
			assertThat(handOuts).hasSize(3).allSatisfy((event) -> {
				assertThat(event.getSubjectType()).isEqualTo("user");
				assertThat(event.getSubjectId()).isEqualTo(userId);
				assertThat(event.getIntegrationId()).isEqualTo(integrationId);
				assertThat(event.getGrantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
				assertThat(event.getAudience()).containsExactly(integrationId);
			});
			assertThat(handOuts.get(0).getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(external));
			assertThat(handOuts).allSatisfy((event) -> {
				assertThat(event.getActorId()).isEqualTo(content().clientId());
				assertThat(event.getContentId()).isEqualTo(content().clientId());
			});
			assertThat(handOuts.get(2).getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(second));
		}

		// a content client that is not associated with the integration gets nothing, even
		// with a token minted for it
		RegisteredClient stranger = createClient("content");
		assertError(exchange(userSession(userId, stranger), integrationId, null, stranger), "unauthorized_client",
				"is not associated");
		assertError(exchange(session, integrationId, "read admin", null), "invalid_scope", "allows only the scopes");

		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			List<CredentialDenied> ofUser = denials
				.awaitFor(userId, (list) -> list.stream().filter((e) -> !unknownIntegration(e)).count() >= 3,
						Duration.ofSeconds(20))
				.stream()
				.filter((e) -> !unknownIntegration(e))
				.toList();
			assertThat(ofUser).extracting(CredentialDenied::getReason)
				.containsExactly("not-connected", "not-associated", "scope-not-allowed");
			assertThat(ofUser).allSatisfy((event) -> {
				assertThat(event.getSubjectType()).isEqualTo("user");
				assertThat(event.getIntegrationId()).isEqualTo(integrationId);
				assertThat(event.getGrantType()).isEqualTo(TokenExchangeIT.GRANT);
			});
			assertThat(ofUser.get(0).getError()).isEqualTo("invalid_grant");
			assertThat(ofUser.get(1)).satisfies((event) -> {
				assertThat(event.getError()).isEqualTo("unauthorized_client");
				assertThat(event.getActorId()).isEqualTo(stranger.clientId());
				assertThat(event.getContentId()).isEqualTo(stranger.clientId());
			});
			assertThat(ofUser.get(2)).satisfies((event) -> {
				assertThat(event.getError()).isEqualTo("invalid_scope");
				assertThat(event.getActorId()).isEqualTo(content().clientId());
				assertThat(event.getRequestedScopes()).containsExactly("admin", "read");
			});
		}
	}

	@Test
	@Order(2)
	void connectWhenRedirectGivenThenBrowserSentThere() {
		String userId = publishUser(false, Set.of());
		String integrationId = publishViewer(Set.of());
		String session = userSession(userId);
		String connections = connectionsToken(userId);
		awaitIntegration(() -> exchange(session, integrationId, null, null));

		Response bad = get("/api/connections/" + integrationId + "/connect?redirect=https://evil.example/",
				connections);
		assertProblem(bad, 400, "redirect");

		Response done = connect(connections, integrationId, "/apps/report?tab=1");
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValue(ISSUER + "/apps/report?tab=1");
		rememberStoredRefreshToken(userId, integrationId);
	}

	@Test
	@Order(3)
	void exchangeWhenUserNotAllowedThenAccessDenied() {
		String outsider = publishUser(false, Set.of("g-other"));
		String locked = publishUser(false, Set.of("g-1"));
		String integrationId = publishViewer(Set.of("g-1"));
		String outsiderSession = userSession(outsider);
		String lockedSession = userSession(locked);
		String outsiderConnections = connectionsToken(outsider);
		String lockedConnections = connectionsToken(locked);
		PublishedEvents.publish(Topics.USER_CHANGED.name(), locked,
				PublishedEvents.user(locked, 2, "viewer", true, true, Set.of("g-1")));

		Response outsiderExchange = awaitIntegration(() -> exchange(outsiderSession, integrationId, null, null));
		assertError(outsiderExchange, "access_denied", "is in none of the groups allowed");
		assertProblem(get("/api/connections/" + integrationId + "/connect", outsiderConnections), 403,
				"none of the groups");

		Response lockedExchange = UserSessionIT.eventually(() -> exchange(lockedSession, integrationId, null, null),
				(r) -> r.body().contains("locked"));
		assertError(lockedExchange, "access_denied", "User " + locked + " is locked");
		assertProblem(get("/api/connections/" + integrationId + "/connect", lockedConnections), 403, "is locked");

		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(denials
				.awaitFor(outsider, (list) -> list.stream().anyMatch((e) -> !unknownIntegration(e)),
						Duration.ofSeconds(20))
				.stream()
				.filter((e) -> !unknownIntegration(e))).singleElement().satisfies((event) -> {
					assertThat(event.getProducer()).isEqualTo("token-broker");
					assertThat(event.getSubjectType()).isEqualTo("user");
					assertThat(event.getActorId()).isEqualTo(content().clientId());
					assertThat(event.getContentId()).isEqualTo(content().clientId());
					assertThat(event.getIntegrationId()).isEqualTo(integrationId);
					assertThat(event.getRequestedScopes()).isEmpty();
					assertThat(event.getGrantType()).isEqualTo(TokenExchangeIT.GRANT);
					assertThat(event.getError()).isEqualTo("access_denied");
					assertThat(event.getReason()).isEqualTo("not-in-allowed-group");
					assertThat(event.getCorrelationId()).isNotBlank();
				});
			assertThat(denials.upToNow(locked)).filteredOn((e) -> "user-locked".equals(e.getReason()))
				.singleElement()
				.satisfies((event) -> assertThat(event.getError()).isEqualTo("access_denied"));
		}
	}

	@Test
	@Order(4)
	void callbackWhenStateForeignUsedOrRefusedThen400AndNothingStored() {
		String alice = publishUser(false, Set.of());
		String bob = publishUser(false, Set.of());
		String integrationId = publishViewer(Set.of());
		String aliceSession = connectionsToken(alice);
		String bobSession = connectionsToken(bob);
		awaitIntegration(() -> exchange(userSession(alice), integrationId, null, null));

		URI aliceCallback = authorize(aliceSession, integrationId);
		assertProblem(send(HttpRequest.newBuilder(local(aliceCallback)).GET(), bobSession), 400, "state");
		assertThat(get("/api/connections", bobSession).json()).isEmpty();

		// Bob's attempt did not use Alice's state up
		Response aliceDone = send(HttpRequest.newBuilder(local(aliceCallback)).GET(), aliceSession);
		assertThat(aliceDone.status()).as(aliceDone.body()).isEqualTo(200);
		rememberStoredRefreshToken(alice, integrationId);
		assertProblem(send(HttpRequest.newBuilder(local(aliceCallback)).GET(), aliceSession), 400, "state");

		URI another = authorize(bobSession, integrationId);
		String state = query(another, "state");
		assertProblem(get("/api/connections/callback?error=access_denied&state=" + state, bobSession), 400,
				"access_denied");
		assertProblem(send(HttpRequest.newBuilder(local(another)).GET(), bobSession), 400, "state");
		assertThat(get("/api/connections", bobSession).json()).isEmpty();
	}

	@Test
	@Order(5)
	void disconnectAndDeactivationThenNotConnected() {
		String userId = publishUser(false, Set.of());
		String integrationId = publishViewer(Set.of());
		String other = publishViewer(Set.of());
		String session = userSession(userId);
		String connections = connectionsToken(userId);
		awaitIntegration(() -> exchange(session, integrationId, null, null));
		awaitIntegration(() -> exchange(session, other, null, null));
		assertThat(connect(connections, integrationId, null).status()).isEqualTo(200);
		rememberStoredRefreshToken(userId, integrationId);
		assertThat(connect(connections, other, null).status()).isEqualTo(200);
		rememberStoredRefreshToken(userId, other);
		assertThat(exchange(session, integrationId, null, null).status()).isEqualTo(200);

		try (TopicEvents<TokenRevoked> revocations = TopicEvents.tokenRevoked(Infrastructure.shared())) {
			assertThat(delete("/api/connections/" + integrationId, connections).status()).isEqualTo(204);
			assertError(exchange(session, integrationId, null, null), "invalid_grant", "has not connected");
			assertThat(get("/api/connections", connections).json()).singleElement()
				.satisfies((node) -> assertThat(node.get("integrationId").asString()).isEqualTo(other));
			// nothing left to disconnect: nothing revoked
			assertThat(delete("/api/connections/" + integrationId, connections).status()).isEqualTo(204);
			assertThat(revocations.upToNow(userId)).singleElement().satisfies((revoked) -> {
				assertThat(revoked.getReason()).isEqualTo("disconnected");
				assertThat(revoked.getSubjectType()).isEqualTo("user");
				assertThat(revoked.getActorId()).isEqualTo(userId);
				assertThat(revoked.getIntegrationId()).isEqualTo(integrationId);
				assertThat(revoked.getTokenId()).isNull();
			});

			// handled twice, as after a redelivery: the same revocation, stored once by
			// audit
			UserDeactivated deactivated = PublishedEvents.deactivated(userId);
			PublishedEvents.publish(Topics.USER_DEACTIVATED.name(), userId, deactivated);
			PublishedEvents.publish(Topics.USER_DEACTIVATED.name(), userId, deactivated);
			Response gone = UserSessionIT.eventually(() -> get("/api/connections", connections),
					(r) -> r.status() == 200 && r.json().isEmpty());
			assertThat(gone.json()).isEmpty();
			assertError(exchange(session, other, null, null), "access_denied", "deactivated");
			List<TokenRevoked> revoked = revocations.awaitFor(userId, (list) -> list.size() >= 3,
					Duration.ofSeconds(20));
			assertThat(revoked).hasSize(3);
			assertThat(revoked.subList(1, 3)).extracting(TokenRevoked::getEventId)
				.containsOnly(UUID
					.nameUUIDFromBytes(("token-revoked/" + deactivated.getEventId()).getBytes(StandardCharsets.UTF_8)));
			assertThat(revoked.get(1).getReason()).isEqualTo("user-deactivated");
			assertThat(revoked.get(1).getIntegrationId()).isNull();
			assertThat(revoked.get(1).getCorrelationId()).isEqualTo(deactivated.getCorrelationId());
		}
	}

	@Test
	@Order(6)
	void connectionsApiWhenNotConnectionsTokenThenRefused() {
		String contentToken = token(content().clientId(), content().secret());
		assertProblem(get("/api/connections", contentToken), 403, "may not be used");
		assertProblem(get("/api/connections", null), 401, "bearer token is required");

		// the user session token content holds does not open the connections API
		String userId = publishUser(false, Set.of());
		String session = userSession(userId);
		String connections = connectionsToken(userId);
		assertProblem(get("/api/connections", session), 403, "may not be used");
		assertProblem(delete("/api/connections/anything", session), 403, "may not be used");

		// a connections token is no subject token for an exchange
		assertError(exchange(connections, "anything", null, null), "invalid_grant", "not a user-session token");

		// a user session token for a service-account integration is backend mapping
		// (DelegationIT): the content must be associated with it, as for its own token
		String serviceAccount = "sa-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), serviceAccount,
				PublishedEvents
					.serviceAccount(serviceAccount, ExternalServices.externalTokenEndpoint(), Set.of(), "read")
					.build());
		assertError(awaitIntegration(() -> exchange(session, serviceAccount, null, null)), "unauthorized_client",
				"is not associated");
		assertError(exchange(contentToken, serviceAccount, null, null), "invalid_grant", "not a user-session token");
		assertProblem(get("/api/connections/" + serviceAccount + "/connect", connections), 404, "service-account");
	}

	@Test
	@Order(6)
	void signOutWhenAnnouncedThenThatSessionsTokensRefusedAndOthersNot() {
		String userId = publishUser(false, Set.of());
		String integrationId = publishViewer(Set.of());
		String session = userSession(userId, content(), "browser-a");
		String connections = connectionsToken(userId, "browser-a");
		String otherBrowser = userSession(userId, content(), "browser-b");
		assertError(awaitIntegration(() -> exchange(session, integrationId, null, null)), "invalid_grant",
				"has not connected");
		assertThat(get("/api/connections", connections).status()).isEqualTo(200);

		PublishedEvents.publish(Topics.USER_SIGNED_OUT.name(), userId, PublishedEvents.signedOut(userId, "browser-a"));

		Response refused = UserSessionIT.eventually(() -> exchange(session, integrationId, null, null),
				(r) -> r.body().contains("has ended"));
		assertError(refused, "invalid_grant", "session the subject token was minted for has ended");
		assertThat(get("/api/connections", connections).status()).isEqualTo(401);
		assertError(exchange(otherBrowser, integrationId, null, null), "invalid_grant", "has not connected");
		// and no new token is minted for the ended session
		Response again = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(),
				Map.of("grant_type", UserSessionIT.GRANT, "user_id", userId, "session_id", "browser-a",
						"requested_token_type", UserSessionIT.CONNECTIONS_TOKEN_TYPE));
		assertError(again, "invalid_grant", "has ended");
	}

	@Test
	@Order(7)
	void storeWhenKeyEncryptionKeySetThenRefreshTokenSealed() {
		byte[] key = new byte[32];
		key[0] = 7;
		JdbcConnectionStore store = new JdbcConnectionStore(this.jdbc, KeyMaterialCipher.aes256Gcm(key));
		String userId = "sealed-" + UUID.randomUUID();
		String refreshToken = "refresh-" + UUID.randomUUID();
		store.save(new Connection(userId, "i-sealed", Set.of("read"), refreshToken, 1, Instant.now()), Instant.now());
		byte[] stored = this.jdbc.sql("select refresh_token from viewer_connection where user_id = :u")
			.param("u", userId)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(refreshToken);
		assertThat(store.find(userId, "i-sealed")).get()
			.satisfies((c) -> assertThat(c.refreshToken()).isEqualTo(refreshToken));
		assertThat(store.deleteAllOf(userId)).isEqualTo(1);
	}

	@Test
	@Order(90)
	void kafkaRecordsWhenTestsRanThenHoldNoSecretOrToken() {
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			events.awaitFor("token-broker", (list) -> false, Duration.ofSeconds(5));
			List<String> records = events.seen().stream().map(Object::toString).toList();
			assertThat(records).isNotEmpty();
			assertThat(SENSITIVE)
				.allSatisfy((value) -> assertThat(records).noneSatisfy((record) -> assertThat(record).contains(value)));
		}
	}

	// ---- helpers

	/** Refused while the integration had not reached the read model yet. */
	static boolean unknownIntegration(CredentialDenied event) {
		return "unknown-integration".equals(event.getReason());
	}

	String publishUser(boolean locked, Set<String> groups) {
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", locked, true, groups));
		return userId;
	}

	String publishViewer(Set<String> allowedGroups) {
		Set<String> contentIds = Set.of(content().clientId());
		String integrationId = "viewer-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents
					.viewer(integrationId, ExternalServices.externalAuthorizationEndpoint(),
							ExternalServices.externalTokenEndpoint(), allowedGroups, contentIds, "openid", "read")
					.build());
		return integrationId;
	}

	/** The content client the tests' user session tokens are minted for. */
	RegisteredClient content() {
		if (content == null) {
			content = createClient("content");
		}
		return content;
	}

	/** A user session token for {@link #content()}, as the gateway gets it. */
	String userSession(String userId) {
		return userSession(userId, content());
	}

	String userSession(String userId, RegisteredClient holder) {
		return userSession(userId, holder, sessionOf(userId));
	}

	String userSession(String userId, RegisteredClient holder, String sessionId) {
		return gatewayToken(Map.of("grant_type", UserSessionIT.GRANT, "user_id", userId, "user_version", "1",
				"session_id", sessionId, "content_id", holder.clientId()));
	}

	/** The token the gateway relays to the connections API for the signed-in user. */
	String connectionsToken(String userId) {
		return connectionsToken(userId, sessionOf(userId));
	}

	String connectionsToken(String userId, String sessionId) {
		return gatewayToken(Map.of("grant_type", UserSessionIT.GRANT, "user_id", userId, "user_version", "1",
				"session_id", sessionId, "requested_token_type", UserSessionIT.CONNECTIONS_TOKEN_TYPE));
	}

	/** The browser session a user's tokens are minted in, unless a test names another. */
	static String sessionOf(String userId) {
		return "session-of-" + userId;
	}

	private String gatewayToken(Map<String, String> form) {
		Response response = UserSessionIT.eventually(() -> tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), form),
				(r) -> r.status() == 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	/**
	 * Starts connecting and lets the external service authorize; the callback URL it
	 * sends the browser to (with code and state).
	 */
	URI authorize(String session, String integrationId) {
		Response start = get("/api/connections/" + integrationId + "/connect", session);
		assertThat(start.status()).as(start.body()).isEqualTo(302);
		URI authorization = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(query(authorization, "code_challenge_method")).isEqualTo("S256");
		assertThat(query(authorization, "redirect_uri")).isEqualTo(ISSUER + "/api/connections/callback");
		Response provider = send(HttpRequest.newBuilder(authorization).GET(), null);
		assertThat(provider.status()).as(provider.body()).isEqualTo(302);
		URI callback = URI.create(provider.headers().firstValue("Location").orElseThrow());
		assertThat(callback.toString()).startsWith(ISSUER + "/api/connections/callback");
		assertThat(query(callback, "state")).isEqualTo(query(authorization, "state"));
		SENSITIVE.add(query(callback, "code"));
		return callback;
	}

	/** The whole connect flow through the (bypassed) gateway. */
	Response connect(String session, String integrationId, String redirect) {
		String path = "/api/connections/" + integrationId + "/connect" + ((redirect != null)
				? "?redirect=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8) : "");
		Response start = get(path, session);
		assertThat(start.status()).as(start.body()).isEqualTo(302);
		Response provider = send(
				HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow())).GET(), null);
		assertThat(provider.status()).as(provider.body()).isEqualTo(302);
		URI callback = URI.create(provider.headers().firstValue("Location").orElseThrow());
		SENSITIVE.add(query(callback, "code"));
		return send(HttpRequest.newBuilder(local(callback)).GET(), session);
	}

	/**
	 * The stored refresh token, opened by the service's own store (it is sealed under the
	 * tests' key-encryption key), so the test can check that no log line or record holds
	 * it.
	 */
	void rememberStoredRefreshToken(String userId, String integrationId) {
		SENSITIVE.add(this.connections.find(userId, integrationId).orElseThrow().refreshToken());
	}

	/** The gateway's public URL mapped to this service's port. */
	URI local(URI publicUri) {
		return uri(publicUri.getRawPath() + "?" + publicUri.getRawQuery());
	}

	static String query(URI uri, String name) {
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/**
	 * A token exchange authenticated as {@code client}, or {@link #content()} when null.
	 */
	Response exchange(String subjectToken, String audience, String scope, RegisteredClient client) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", TokenExchangeIT.GRANT);
		form.put("subject_token", subjectToken);
		form.put("subject_token_type", USER_SESSION);
		form.put("audience", audience);
		if (scope != null) {
			form.put("scope", scope);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		RegisteredClient holder = (client != null) ? client : content();
		request.header("Authorization", basic(holder.clientId(), holder.secret()));
		return send(request, null);
	}

	static Response awaitIntegration(java.util.function.Supplier<Response> call) {
		return TokenExchangeIT.awaitIntegration(call);
	}

	static void assertError(Response response, String error, String descriptionPart) {
		TokenExchangeIT.assertError(response, error, descriptionPart);
	}

	static void assertProblem(Response response, int status, String detailPart) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("detail").asString()).containsIgnoringCase(detailPart);
	}

}
