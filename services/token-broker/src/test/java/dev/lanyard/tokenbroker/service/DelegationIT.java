package dev.lanyard.tokenbroker.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegated tokens (token exchange with an actor token), their introspection, and backend
 * mapping (a user session token exchanged for a service account's credential).
 */
class DelegationIT extends ServiceTestSupport {

	static final String ACTOR_TYPE = TokenExchangeIT.CONTENT_SESSION;

	static final String USER_SESSION_TYPE = "urn:lanyard:params:oauth:token-type:user-session";

	@Autowired
	JwtEncoder jwtEncoder;

	@Test
	@Order(1)
	void delegateWhenActorMayActThenUserTokenNamingActorRecordedAndIntrospectable() throws Exception {
		RegisteredClient content = createClient("content");
		String userId = knownUser();
		String subject = userSession(userId, content);
		Jwt subjectJwt = decode(subject);
		String actor = token(content.clientId(), content.secret());

		Response response = delegate(content, subject, actor, DELEGATION_AUDIENCE, null);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("issued_token_type").asString()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.has("refresh_token")).isFalse();
		String delegated = body.get("access_token").asString();
		Jwt jwt = decode(delegated);
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getSubject()).isEqualTo(userId);
		assertThat(jwt.getAudience()).containsExactly(DELEGATION_AUDIENCE);
		assertThat(jwt.getClaimAsMap("act")).containsExactly(Map.entry("sub", content.clientId()));
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-delegated");
		assertThat(jwt.hasClaim("may_act")).isFalse();
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getExpiresAt()).isBeforeOrEqualTo(subjectJwt.getExpiresAt())
			.isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(10)));

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.awaitFor(userId,
					(list) -> list.stream().anyMatch((e) -> "user-delegated".equals(e.getTokenType())),
					Duration.ofSeconds(20)))
				.filteredOn((event) -> "user-delegated".equals(event.getTokenType()))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(delegated));
					assertThat(event.getTokenId()).isEqualTo(jwt.getId());
					assertThat(event.getSubjectType()).isEqualTo("user");
					assertThat(event.getActorId()).isEqualTo(content.clientId());
					assertThat(event.getContentId()).isEqualTo(content.clientId());
					assertThat(event.getActorChain()).containsExactly(content.clientId());
					assertThat(event.getAudience()).containsExactly(DELEGATION_AUDIENCE);
					assertThat(event.getExpiresAt()).isEqualTo(jwt.getExpiresAt());
				});
		}

		JsonNode introspected = introspect(content, delegated).json();
		assertThat(introspected.get("active").asBoolean()).isTrue();
		assertThat(introspected.get("sub").asString()).isEqualTo(userId);
		assertThat(introspected.get("act").get("sub").asString()).isEqualTo(content.clientId());
		assertThat(introspected.get("client_id").asString()).isEqualTo(content.clientId());
		assertThat(introspected.get("lanyard_token_type").asString()).isEqualTo("user-delegated");
		assertThat(introspected.get("jti").asString()).isEqualTo(jwt.getId());
		assertThat(introspected.get("iss").asString()).isEqualTo(ISSUER);
		assertThat(introspected.get("exp").asLong()).isEqualTo(jwt.getExpiresAt().getEpochSecond());
	}

	@Test
	@Order(2)
	void introspectWhenTokenNotTheClientsOrInvalidOrSessionEndedThenOnlyInactive() {
		RegisteredClient content = createClient("content");
		RegisteredClient stranger = createClient("content");
		String userId = knownUser();
		String session = userSession(userId, content);
		String delegated = delegate(content, session, token(content.clientId(), content.secret()), DELEGATION_AUDIENCE,
				null)
			.json()
			.get("access_token")
			.asString();

		// another client learns nothing about a token that does not concern it
		Response foreign = introspect(stranger, delegated);
		assertThat(foreign.status()).isEqualTo(200);
		assertThat(foreign.json().propertyNames()).containsExactly("active");
		assertThat(foreign.json().get("active").asBoolean()).isFalse();
		assertThat(introspect(content, "not-a-jwt").json().propertyNames()).containsExactly("active");
		// its own content session token: active, no act
		JsonNode own = introspect(content, token(content.clientId(), content.secret())).json();
		assertThat(own.get("active").asBoolean()).isTrue();
		assertThat(own.get("lanyard_token_type").asString()).isEqualTo("content-session");
		assertThat(own.has("act")).isFalse();
		// no client authentication: no introspection
		Response anonymous = send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/introspect"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(Map.of("token", delegated)))), null);
		assertThat(anonymous.status()).isEqualTo(401);

		// once the browser session ends, the user session token and the delegated token
		// made from it are inactive
		assertThat(introspect(content, session).json().get("active").asBoolean()).isTrue();
		assertThat(introspect(content, delegated).json().get("active").asBoolean()).isTrue();
		PublishedEvents.publish(Topics.USER_SIGNED_OUT.name(), userId,
				PublishedEvents.signedOut(userId, "s-" + userId));
		assertThat(
				UserSessionIT.eventually(() -> introspect(content, session), (r) -> !r.json().get("active").asBoolean())
					.json()
					.get("active")
					.asBoolean())
			.isFalse();
		assertThat(introspect(content, delegated).json().propertyNames()).containsExactly("active");
	}

	@Test
	@Order(3)
	void delegateWhenRefusedThenOAuthErrorAndOneDenialEach() throws Exception {
		RegisteredClient content = createClient("content");
		RegisteredClient other = createClient("content");
		String userId = knownUser();
		String subject = userSession(userId, content);
		String actor = token(content.clientId(), content.secret());
		String otherActor = token(other.clientId(), other.secret());

		// actor not in may_act: another content with its own token
		TokenExchangeIT.assertError(delegate(other, subject, otherActor, DELEGATION_AUDIENCE, null), "invalid_grant",
				"does not allow this client");
		// a leaked actor token of another client
		TokenExchangeIT.assertError(delegate(content, subject, otherActor, DELEGATION_AUDIENCE, null), "invalid_grant",
				"not issued to this client");
		TokenExchangeIT.assertError(delegate(content, subject, expiredContentToken(content), DELEGATION_AUDIENCE, null),
				"invalid_grant", "actor token is invalid or expired");
		Map<String, String> wrongType = form(subject, actor, DELEGATION_AUDIENCE, null);
		wrongType.put("actor_token_type", USER_SESSION_TYPE);
		TokenExchangeIT.assertError(post(wrongType, content), "invalid_request", "actor_token_type");
		// a user session token as actor token, labelled as content session
		// (another scope than the expired one's: identical denials would be summed)
		TokenExchangeIT.assertError(delegate(content, subject, subject, DELEGATION_AUDIENCE, "read"), "invalid_grant",
				"actor token is invalid");
		TokenExchangeIT.assertError(delegate(content, subject, actor, "https://elsewhere.test", null), "invalid_target",
				"elsewhere.test");
		TokenExchangeIT.assertError(delegate(content, subject, actor, DELEGATION_AUDIENCE, "admin"), "invalid_scope",
				"lacks");
		Map<String, String> typeWithoutToken = form(subject, actor, DELEGATION_AUDIENCE, null);
		typeWithoutToken.remove("actor_token");
		TokenExchangeIT.assertError(post(typeWithoutToken, content), "invalid_request", "actor_token_type");

		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			List<CredentialDenied> recorded = denials.awaitFor(userId, (list) -> list.size() >= 7,
					Duration.ofSeconds(20));
			assertThat(recorded).extracting(CredentialDenied::getReason)
				.containsExactlyInAnyOrder("actor-not-allowed", "actor-not-allowed", "actor-token-invalid",
						"actor-token-type-unsupported", "actor-token-invalid", "audience-not-allowed", "scope-widened");
			assertThat(recorded).allSatisfy((event) -> {
				assertThat(event.getSubjectType()).isEqualTo("user");
				assertThat(event.getGrantType()).isEqualTo(TokenExchangeIT.GRANT);
			});
			assertThat(recorded).filteredOn((event) -> "scope-widened".equals(event.getReason()))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getError()).isEqualTo("invalid_scope");
					assertThat(event.getRequestedScopes()).containsExactly("admin");
					assertThat(event.getActorId()).isEqualTo(content.clientId());
				});
		}
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.upToNow(userId)).noneMatch((event) -> "user-delegated".equals(event.getTokenType()));
		}
	}

	@Test
	@Order(4)
	void exchangeWhenUserSessionForServiceAccountThenServiceCredentialRecordedAsActingForUser() throws Exception {
		RegisteredClient content = createClient("content");
		String userId = knownUser();
		String integrationId = "sa-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents
					.serviceAccount(integrationId, ExternalServices.externalTokenEndpoint(), Set.of(content.clientId()),
							"read")
					.build());
		String session = userSession(userId, content);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", TokenExchangeIT.GRANT);
		form.put("subject_token", session);
		form.put("subject_token_type", USER_SESSION_TYPE);
		form.put("audience", integrationId);

		Response response = TokenExchangeIT.awaitIntegration(() -> post(form, content));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String external = response.json().get("access_token").asString();
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.awaitFor(content.clientId(),
					(list) -> list.stream().anyMatch((e) -> "external-access".equals(e.getTokenType())),
					Duration.ofSeconds(20)))
				.filteredOn((event) -> "external-access".equals(event.getTokenType()))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(external));
					assertThat(event.getSubjectType()).isEqualTo("content");
					assertThat(event.getActorId()).isEqualTo(content.clientId());
					assertThat(event.getIntegrationId()).isEqualTo(integrationId);
					assertThat(event.getOnBehalfOfUserId()).isEqualTo(userId);
				});
		}

		// a deactivated user is acted for no more
		PublishedEvents.publish(Topics.USER_DEACTIVATED.name(), userId, PublishedEvents.deactivated(userId));
		Response refused = UserSessionIT.eventually(() -> post(form, content), (r) -> r.status() != 200);
		assertThat(refused.json().get("error").asString()).isIn("access_denied", "invalid_grant");
	}

	// ---- helpers

	String knownUser() {
		String userId = UUID.randomUUID().toString();
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()));
		return userId;
	}

	/** A user session token for {@code holder}, as the gateway gets it. */
	String userSession(String userId, RegisteredClient holder) {
		Response response = UserSessionIT
			.eventually(
					() -> tokenRequest(GATEWAY.clientId(), GATEWAY.secret(),
							Map.of("grant_type", UserSessionIT.GRANT, "user_id", userId, "user_version", "1",
									"session_id", "s-" + userId, "content_id", holder.clientId())),
					(r) -> r.status() == 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	String expiredContentToken(RegisteredClient content) {
		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		String expired = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).type("at+jwt").build(),
					JwtClaimsSet.builder()
						.issuer(ISSUER)
						.subject(content.clientId())
						.audience(List.of("token-broker"))
						.issuedAt(longAgo)
						.expiresAt(longAgo.plus(Duration.ofMinutes(15)))
						.id(UUID.randomUUID().toString())
						.claim("lanyard_token_type", "content-session")
						.build()))
			.getTokenValue();
		SENSITIVE.add(expired);
		return expired;
	}

	Response delegate(RegisteredClient client, String subject, String actor, String audience, String scope) {
		return post(form(subject, actor, audience, scope), client);
	}

	Map<String, String> form(String subject, String actor, String audience, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", TokenExchangeIT.GRANT);
		form.put("subject_token", subject);
		form.put("subject_token_type", USER_SESSION_TYPE);
		form.put("actor_token", actor);
		form.put("actor_token_type", ACTOR_TYPE);
		form.put("audience", audience);
		if (scope != null) {
			form.put("scope", scope);
		}
		return form;
	}

	Response post(Map<String, String> form, RegisteredClient client) {
		return send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(client.clientId(), client.secret()))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(form))), null);
	}

	Response introspect(RegisteredClient client, String token) {
		return send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/introspect"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(client.clientId(), client.secret()))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(Map.of("token", token)))), null);
	}

}
