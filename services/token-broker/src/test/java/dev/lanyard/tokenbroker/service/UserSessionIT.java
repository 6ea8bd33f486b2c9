package dev.lanyard.tokenbroker.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** User read model from UserChanged / UserDeactivated, and the user-session grant. */
class UserSessionIT extends ServiceTestSupport {

	static final String GRANT = "urn:lanyard:params:oauth:grant-type:user-session";

	static final String CONNECTIONS_TOKEN_TYPE = "urn:lanyard:params:oauth:token-type:user-connections";

	static final String AUDIT_TOKEN_TYPE = "urn:lanyard:params:oauth:token-type:user-audit";

	/** The content item user session tokens here are minted for. */
	private static RegisteredClient holder;

	@Test
	@Order(1)
	void userSessionWhenUserKnownThenSignedTokenAndAcknowledgedEvent() throws Exception {
		RegisteredClient gateway = GATEWAY;
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 3, "publisher", false, true, Set.of("g-2", "g-1")));

		Response response = userSession(gateway, userId, "3");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.json().get("expires_in").asLong()).as("five minutes by default").isBetween(299L, 300L);
		String token = response.json().get("access_token").asString();
		Jwt jwt = decode(token);
		assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
		assertThat(jwt.getSubject()).isEqualTo(userId);
		assertThat(jwt.getAudience()).containsExactly("token-broker", "integration-registry");
		assertThat(jwt.getHeaders()).containsEntry("typ", "user-session+jwt");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("publisher");
		assertThat(jwt.getClaimAsStringList("groups")).containsExactly("g-1", "g-2");
		assertThat(jwt.getClaimAsString("username")).startsWith("user3_");
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-session");
		assertThat(jwt.getClaimAsMap("may_act")).containsExactly(java.util.Map.entry("sub", holder().clientId()));
		assertThat(jwt.getClaimAsString("sid")).isEqualTo("s-" + userId);
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getNotBefore()).isEqualTo(jwt.getIssuedAt());

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(userId, (list) -> !list.isEmpty(), Duration.ofSeconds(20));
			assertThat(issued).singleElement().satisfies((event) -> {
				assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(token));
				assertThat(event.getTokenId()).isEqualTo(jwt.getId());
				assertThat(event.getTokenType()).isEqualTo("user-session");
				assertThat(event.getSubjectType()).isEqualTo("user");
				assertThat(event.getActorId()).isEqualTo(gateway.clientId());
				assertThat(event.getGrantType()).isEqualTo(GRANT);
				assertThat(event.getContentId()).isEqualTo(holder().clientId());
				assertThat(event.getExpiresAt()).isEqualTo(jwt.getExpiresAt());
			});
		}

		// whatever the user's role, a user session token administers nothing
		assertThat(get("/api/admin/clients", token).status()).isEqualTo(403);
	}

	@Test
	@Order(2)
	void userSessionWhenVersionArrivesWhileWaitingThenIssued() throws Exception {
		RegisteredClient gateway = GATEWAY;
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()));
		Thread late = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
					PublishedEvents.user(userId, 2, "administrator", false, true, Set.of()));
		});
		Response response = userSession(gateway, userId, "2");
		late.join();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Jwt jwt = decode(response.json().get("access_token").asString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("administrator");
	}

	@Test
	@Order(3)
	void userSessionWhenUserRefusedThenInvalidGrant() {
		RegisteredClient gateway = GATEWAY;
		String locked = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), locked,
				PublishedEvents.user(locked, 5, "viewer", true, true, Set.of()));
		// an older snapshot arriving late changes nothing
		PublishedEvents.publish(Topics.USER_CHANGED.name(), locked,
				PublishedEvents.user(locked, 4, "viewer", false, true, Set.of()));
		String deactivated = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), deactivated,
				PublishedEvents.user(deactivated, 1, "viewer", false, true, Set.of()));
		PublishedEvents.publish(Topics.USER_DEACTIVATED.name(), deactivated, PublishedEvents.deactivated(deactivated));

		Response lockedResponse = userSession(gateway, locked, "5");
		assertThat(lockedResponse.status()).as(lockedResponse.body()).isEqualTo(400);
		assertThat(lockedResponse.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(lockedResponse.json().get("error_description").asString()).contains("locked");

		Response deactivatedResponse = eventually(() -> userSession(gateway, deactivated, "1"),
				(r) -> r.status() == 400);
		assertThat(deactivatedResponse.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(deactivatedResponse.json().get("error_description").asString()).contains("deactivated");

		Response unknown = userSession(gateway, UUID.randomUUID().toString(), null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(unknown.json().get("error_description").asString()).isEqualTo("Unknown user");
	}

	@Test
	@Order(4)
	void userSessionWhenNotGatewayOrBadRequestThenOAuthErrors() {
		RegisteredClient content = createClient("content");
		Response notGateway = userSession(content, "u-1", null);
		assertThat(notGateway.status()).isEqualTo(400);
		assertThat(notGateway.json().get("error").asString()).isEqualTo("unauthorized_client");

		RegisteredClient gateway = GATEWAY;
		Response noUser = tokenRequest(gateway.clientId(), gateway.secret(), Map.of("grant_type", GRANT));
		assertThat(noUser.status()).isEqualTo(400);
		assertThat(noUser.json().get("error").asString()).isEqualTo("invalid_request");
		Response badVersion = userSession(gateway, "u-1", "new");
		assertThat(badVersion.status()).isEqualTo(400);
		assertThat(badVersion.json().get("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	@Order(4)
	void userSessionWhenNoContentOrUnknownContentThenInvalidRequest() {
		String userId = knownUser();
		Response noContent = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(),
				Map.of("grant_type", GRANT, "user_id", userId, "session_id", "s-1"));
		assertThat(noContent.status()).isEqualTo(400);
		assertThat(noContent.json().get("error").asString()).isEqualTo("invalid_request");
		assertThat(noContent.json().get("error_description").asString()).contains("content_id");

		Response auditorAsContent = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), Map.of("grant_type", GRANT,
				"user_id", userId, "session_id", "s-1", "content_id", createClient("auditor").clientId()));
		assertThat(auditorAsContent.status()).isEqualTo(400);
		assertThat(auditorAsContent.json().get("error").asString()).isEqualTo("invalid_request");

		Response both = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(),
				Map.of("grant_type", GRANT, "user_id", userId, "session_id", "s-1", "content_id", holder().clientId(),
						"requested_token_type", CONNECTIONS_TOKEN_TYPE));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	@Order(4)
	void userSessionWhenConnectionsTokenThenOwnTypeNoContentAndRecordedAsSuch() throws Exception {
		String userId = knownUser();
		Response response = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), Map.of("grant_type", GRANT, "user_id",
				userId, "user_version", "1", "session_id", "s-1", "requested_token_type", CONNECTIONS_TOKEN_TYPE));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Jwt jwt = decode(response.json().get("access_token").asString());
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-connections");
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getAudience()).containsExactly("token-broker");
		assertThat(jwt.hasClaim("may_act")).isFalse();
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.awaitFor(userId, (list) -> !list.isEmpty(), Duration.ofSeconds(20))).singleElement()
				.satisfies((event) -> {
					assertThat(event.getTokenType()).isEqualTo("user-connections");
					assertThat(event.getContentId()).isNull();
				});
		}
	}

	@Test
	@Order(4)
	void userSessionWhenAuditTokenForAuditorThenAuditOnlyTokenRecordedAsSuchAndNoTokenBrokerApiTakesIt()
			throws Exception {
		String auditor = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), auditor,
				PublishedEvents.user(auditor, 1, "auditor", false, true, Set.of("g-1")));
		Response response = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), Map.of("grant_type", GRANT, "user_id",
				auditor, "user_version", "1", "session_id", "s-1", "requested_token_type", AUDIT_TOKEN_TYPE));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("expires_in").asLong()).as("as short as a connections token")
			.isBetween(299L, 300L);
		String token = response.json().get("access_token").asString();
		Jwt jwt = decode(token);
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-audit");
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getAudience()).containsExactly("audit");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("auditor");
		assertThat(jwt.getSubject()).isEqualTo(auditor);
		assertThat(jwt.hasClaim("may_act")).isFalse();
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.awaitFor(auditor, (list) -> !list.isEmpty(), Duration.ofSeconds(20))).singleElement()
				.satisfies((event) -> {
					assertThat(event.getTokenType()).isEqualTo("user-audit");
					assertThat(event.getSubjectType()).isEqualTo("user");
					assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(token));
				});
		}
		// meant for audit only: token-broker's own APIs refuse it
		assertThat(get("/api/admin/clients", token).status()).isEqualTo(401);
		assertThat(get("/api/connections", token).status()).isEqualTo(401);
	}

	@Test
	@Order(4)
	void userSessionWhenAuditTokenForNonAuditorOrNotGatewayThenRefused() {
		String viewer = knownUser();
		Response notAuditor = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), Map.of("grant_type", GRANT, "user_id",
				viewer, "user_version", "1", "session_id", "s-1", "requested_token_type", AUDIT_TOKEN_TYPE));
		assertThat(notAuditor.status()).as(notAuditor.body()).isEqualTo(400);
		assertThat(notAuditor.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(notAuditor.json().get("error_description").asString()).isEqualTo("The user is not an auditor");

		String auditor = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), auditor,
				PublishedEvents.user(auditor, 1, "auditor", false, true, Set.of()));
		for (String kind : List.of("auditor", "content", "administrator")) {
			RegisteredClient client = createClient(kind);
			Response notGateway = tokenRequest(client.clientId(), client.secret(), Map.of("grant_type", GRANT,
					"user_id", auditor, "session_id", "s-1", "requested_token_type", AUDIT_TOKEN_TYPE));
			assertThat(notGateway.status()).as(kind).isEqualTo(400);
			assertThat(notGateway.json().get("error").asString()).isEqualTo("unauthorized_client");
		}
	}

	@Test
	@Order(4)
	void gatewayClientWhenAnAdministratorCreatesOneThenRefusedAndItMintsNothing() {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("clientId", "rogue-gateway-" + UUID.randomUUID());
		body.put("name", "Rogue gateway");
		body.put("kind", "gateway");
		Response created = postJson("/api/admin/clients", adminToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(created.body()).contains("deployment's settings").doesNotContain("Exception");
		assertThat(get("/api/admin/clients/" + body.get("clientId"), adminToken()).status()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void userSessionWhenSignInAnnouncedOnKafkaThenIssuedAndWithoutOneRefused() {
		String userId = UUID.randomUUID().toString();
		UUID login = UUID.randomUUID();
		PublishedEvents.publish(Topics.USER_LOGGED_IN.name(), "unique-" + userId,
				dev.lanyard.events.UserLoggedIn.newBuilder()
					.setEventId(login)
					.setOccurredAt(java.time.Instant.now())
					.setCorrelationId("it")
					.setProducer("auth-gateway")
					.setProvider("corp")
					.setIssuer("https://idp.example")
					.setUniqueId("unique-" + userId)
					.setSessionId("browser-" + userId)
					.build());
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				dev.lanyard.events.UserChanged
					.newBuilder(PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()))
					.setEventId(dev.lanyard.platform.ids.SignInAnswers.eventId(login,
							dev.lanyard.platform.ids.SignInAnswers.USER_CHANGED))
					.build());
		Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", GRANT, "user_id", userId,
				"user_version", "1", "session_id", "browser-" + userId, "content_id", holder().clientId()));

		form.put("login_event_id", login.toString());
		Response issued = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), form);
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);

		// a stolen gateway secret alone: a session no sign-in began, or another's sign-in
		form.put("login_event_id", UUID.randomUUID().toString());
		Response invented = tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), form);
		assertThat(invented.status()).isEqualTo(400);
		assertThat(invented.json().get("error").asString()).isEqualTo("invalid_grant");
		form.put("login_event_id", login.toString());
		form.put("session_id", "browser-of-someone-else");
		assertThat(tokenRequest(GATEWAY.clientId(), GATEWAY.secret(), form).status()).isEqualTo(400);
	}

	@Test
	@Order(5)
	void readModelWhenRecordUnreadableThenDeadLetteredAndNextRecordsRead() {
		String badKey = "unreadable-" + UUID.randomUUID();
		PublishedEvents.publishRaw(Topics.USER_CHANGED.name(), badKey,
				"not avro at all".getBytes(StandardCharsets.UTF_8));
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()));

		assertThat(PublishedEvents.deadLetterKeys(Duration.ofSeconds(30), badKey)).contains(badKey);
		RegisteredClient gateway = GATEWAY;
		assertThat(userSession(gateway, userId, "1").status()).isEqualTo(200);
	}

	RegisteredClient holder() {
		if (holder == null) {
			holder = createClient("content");
		}
		return holder;
	}

	String knownUser() {
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()));
		return userId;
	}

	Response userSession(RegisteredClient gateway, String userId, String version) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("grant_type", GRANT);
		form.put("user_id", userId);
		form.put("session_id", "s-" + userId);
		form.put("content_id", holder().clientId());
		if (version != null) {
			form.put("user_version", version);
		}
		return tokenRequest(gateway.clientId(), gateway.secret(), form);
	}

	static Response eventually(java.util.function.Supplier<Response> call,
			java.util.function.Predicate<Response> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Response response = call.get();
		while (!done.test(response) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			response = call.get();
		}
		return response;
	}

}
