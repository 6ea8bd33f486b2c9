package dev.lanyard.tokenbroker.service;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.SignedJWT;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegated viewer integrations end to end in the service: the gateway deposits the
 * user's upstream token for the browser session, content exchanges the user session
 * token, token-broker asks the provider (mock-oauth2-server, a real RFC 8693 server on
 * 127.0.0.1) on the user's behalf; a sign-out drops the upstream token.
 */
class OnBehalfOfIT extends ServiceTestSupport {

	@Autowired
	JdbcClient jdbc;

	private static RegisteredClient content;

	@Test
	void exchangeWhenSessionHoldsUpstreamTokenThenProviderExchangesItWithoutConnectAndSignOutEndsIt() throws Exception {
		String userId = publishUser();
		String sessionId = "session-" + UUID.randomUUID();
		String integrationId = publishDelegatedViewer("token-exchange", "orders-api");
		String session = userSession(userId, sessionId);

		Response before = TokenExchangeIT.awaitIntegration(() -> exchange(session, integrationId, null));
		TokenExchangeIT.assertError(before, "invalid_grant", "sign in again");

		String upstream = ExternalServices.server()
			.issueToken("upstream", "alice-upstream", "lanyard", Map.of(), 600)
			.serialize();
		SENSITIVE.add(upstream);
		assertThat(deposit(GATEWAY.clientId(), "wrong-secret-" + "x".repeat(32), userId, sessionId, upstream).status())
			.isEqualTo(401);
		Response refused = deposit(GATEWAY.clientId(), GATEWAY.secret(), "someone-else", sessionId, upstream);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		Response kept = deposit(GATEWAY.clientId(), GATEWAY.secret(), userId, sessionId, upstream);
		assertThat(kept.status()).as(kept.body()).isEqualTo(204);

		Response exchanged = exchange(session, integrationId, "read");
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		SignedJWT external = SignedJWT.parse(exchanged.json().get("access_token").asString());
		assertThat(external.getJWTClaimsSet().getSubject()).isEqualTo("alice-upstream");
		assertThat(external.getJWTClaimsSet().getAudience()).containsExactly("orders-api");
		assertThat(formOfTokenExchange()).containsEntry("grant_type", TokenExchangeIT.GRANT)
			.containsEntry("subject_token", upstream)
			.containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
			.containsEntry("audience", "orders-api")
			.containsEntry("scope", "read");

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			TokenIssued issued = events
				.awaitFor(userId, (list) -> list.stream().anyMatch((e) -> "external-access".equals(e.getTokenType())),
						Duration.ofSeconds(20))
				.stream()
				.filter((e) -> "external-access".equals(e.getTokenType()))
				.findFirst()
				.orElseThrow();
			assertThat(issued.getSubjectId()).isEqualTo(userId);
			assertThat(issued.getActorId()).isEqualTo(content().clientId());
			assertThat(issued.getIntegrationId()).isEqualTo(integrationId);
		}

		PublishedEvents.publish(Topics.USER_SIGNED_OUT.name(), userId, PublishedEvents.signedOut(userId, sessionId));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (count(sessionId) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(count(sessionId)).as("upstream token dropped at sign-out").isZero();
		TokenExchangeIT.assertError(exchange(session, integrationId, null), "invalid_grant", "ended");

		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(denials.awaitFor(userId,
					(list) -> list.stream().anyMatch((e) -> "upstream-token-missing".equals(e.getReason())),
					Duration.ofSeconds(20)))
				.filteredOn((e) -> "upstream-token-missing".equals(e.getReason()))
				.first()
				.satisfies((denial) -> {
					assertThat(denial.getError()).isEqualTo("invalid_grant");
					assertThat(denial.getIntegrationId()).isEqualTo(integrationId);
					assertThat(denial.getActorId()).isEqualTo(content().clientId());
				});
		}
	}

	@Test
	void exchangeWhenUserDeactivatedThenUpstreamTokensDroppedAndRefused() throws Exception {
		String userId = publishUser();
		String sessionId = "session-" + UUID.randomUUID();
		String integrationId = publishDelegatedViewer("jwt-bearer-obo", null);
		String session = userSession(userId, sessionId);
		String upstream = ExternalServices.server()
			.issueToken("upstream", "bob-upstream", "lanyard", Map.of(), 600)
			.serialize();
		SENSITIVE.add(upstream);
		assertThat(deposit(GATEWAY.clientId(), GATEWAY.secret(), userId, sessionId, upstream).status()).isEqualTo(204);
		Response exchanged = TokenExchangeIT.awaitIntegration(() -> exchange(session, integrationId, null));
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		assertThat(SignedJWT.parse(exchanged.json().get("access_token").asString()).getJWTClaimsSet().getSubject())
			.isEqualTo("bob-upstream");

		PublishedEvents.publish(Topics.USER_DEACTIVATED.name(), userId, PublishedEvents.deactivated(userId));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (count(sessionId) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(count(sessionId)).as("upstream token dropped at deactivation").isZero();
		assertThat(exchange(session, integrationId, null).status()).isEqualTo(400);
	}

	/** The request mock-oauth2-server received for the token exchange, as a form. */
	private static Map<String, String> formOfTokenExchange() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			RecordedRequest request = ExternalServices.server().takeRequest(1, TimeUnit.SECONDS);
			if (request == null || request.getBody() == null) {
				continue;
			}
			Map<String, String> form = parse(request.getBody().readUtf8());
			if (TokenExchangeIT.GRANT.equals(form.get("grant_type"))) {
				return form;
			}
		}
		throw new AssertionError("mock-oauth2-server received no token exchange");
	}

	private static Map<String, String> parse(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

	private long count(String sessionId) {
		return this.jdbc.sql("select count(*) from upstream_token where session_id = :s")
			.param("s", sessionId)
			.query(Long.class)
			.single();
	}

	private Response deposit(String clientId, String secret, String userId, String sessionId, String token) {
		UUID login = UUID.nameUUIDFromBytes((userId + "/" + sessionId).getBytes(StandardCharsets.UTF_8));
		String body = this.json.writeValueAsString(Map.of("sessionId", sessionId, "loginEventId", login.toString(),
				"userId", userId, "accessToken", token, "expiresAt", Instant.now().plusSeconds(600).toString()));
		return send(HttpRequest.newBuilder(uri("/internal/upstream-tokens"))
			.header("Content-Type", "application/json")
			.header("Authorization", basic(clientId, secret))
			.POST(HttpRequest.BodyPublishers.ofString(body)), null);
	}

	private String publishUser() {
		String userId = "u-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()));
		return userId;
	}

	private String publishDelegatedViewer(String delegation, String audience) {
		String integrationId = "obo-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents
					.viewer(integrationId, null, ExternalServices.externalTokenEndpoint(), Set.of(),
							Set.of(content().clientId()), "openid", "read")
					.setDelegation(delegation)
					.setAudience(audience)
					.build());
		return integrationId;
	}

	private RegisteredClient content() {
		if (content == null) {
			content = createClient("content");
		}
		return content;
	}

	private String userSession(String userId, String sessionId) {
		Response response = UserSessionIT
			.eventually(
					() -> tokenRequest(GATEWAY.clientId(), GATEWAY.secret(),
							Map.of("grant_type", UserSessionIT.GRANT, "user_id", userId, "user_version", "1",
									"session_id", sessionId, "content_id", content().clientId())),
					(r) -> r.status() == 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	private Response exchange(String subjectToken, String audience, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", TokenExchangeIT.GRANT);
		form.put("subject_token", subjectToken);
		form.put("subject_token_type", ViewerConnectionsIT.USER_SESSION);
		form.put("audience", audience);
		if (scope != null) {
			form.put("scope", scope);
		}
		return send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(content().clientId(), content().secret()))
			.POST(HttpRequest.BodyPublishers.ofString(form(form))), null);
	}

}
