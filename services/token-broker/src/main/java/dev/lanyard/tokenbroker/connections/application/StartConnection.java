package dev.lanyard.tokenbroker.connections.application;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.outbound.Uris;
import dev.lanyard.tokenbroker.connections.application.ConnectionResult.Problem;
import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.ViewerAccess;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

/**
 * Starts a user's connect flow for a viewer integration: checks that the user may use it,
 * stores an attempt (state, PKCE verifier) and points the browser at the external
 * authorization endpoint (authorization code, S256).
 */
public final class StartConnection {

	private static final Logger log = LoggerFactory.getLogger(StartConnection.class);

	private final IntegrationReadModel integrations;

	private final UserReadModel users;

	private final ConnectionStore store;

	private final ConnectionLinks links;

	private final Duration attemptTimeToLive;

	private final Clock clock;

	public StartConnection(IntegrationReadModel integrations, UserReadModel users, ConnectionStore store,
			ConnectionLinks links, Duration attemptTimeToLive, Clock clock) {
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (links == null) {
			throw new IllegalArgumentException("links cannot be null");
		}
		if (attemptTimeToLive == null || attemptTimeToLive.isNegative() || attemptTimeToLive.isZero()) {
			throw new IllegalArgumentException("attemptTimeToLive must be positive");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.integrations = integrations;
		this.users = users;
		this.store = store;
		this.links = links;
		this.attemptTimeToLive = attemptTimeToLive;
		this.clock = clock;
	}

	/**
	 * @param redirectPath where to send the browser once connected (a relative path), or
	 * {@code null}
	 */
	public ConnectionResult start(String userId, String integrationId, String redirectPath) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (redirectPath != null && !ConnectionLinks.isSafeRedirectPath(redirectPath)) {
			return new ConnectionResult.Refused(Problem.BAD_REQUEST,
					"redirect must be a path on this site, starting with a single /");
		}
		Integration integration = this.integrations.find(integrationId).orElse(null);
		ViewerAccess access = ViewerAccess.decide(integration, this.users.find(userId).orElse(null));
		if (access != ViewerAccess.ALLOWED) {
			log.info("Refused to connect user {} to integration {}: {}", userId, integrationId, access);
			return new ConnectionResult.Refused(problemOf(access), access.describe(userId, integrationId));
		}
		if (integration.authorizationEndpoint() == null) {
			return new ConnectionResult.Refused(Problem.BAD_GATEWAY,
					"Integration " + integrationId + " has no authorization endpoint");
		}
		Instant now = this.clock.instant();
		this.store.purgeAttempts(now);
		ConnectAttempt attempt = ConnectAttempt.start(userId, integrationId, redirectPath, now, this.attemptTimeToLive);
		this.store.saveAttempt(attempt);
		log.info("User {} started connecting integration {}", userId, integrationId);
		return new ConnectionResult.Redirect(authorizationRequest(integration, attempt));
	}

	private URI authorizationRequest(Integration integration, ConnectAttempt attempt) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", integration.clientId());
		query.put("redirect_uri", this.links.callback().toString());
		if (!integration.scopes().isEmpty()) {
			query.put("scope", String.join(" ", new TreeSet<>(integration.scopes())));
		}
		query.put("state", attempt.state());
		query.put("code_challenge", attempt.codeChallenge());
		query.put("code_challenge_method", "S256");
		if (integration.audience() != null) {
			query.put("audience", integration.audience());
			if (Uris.isAbsolute(integration.audience())) {
				// RFC 8707 wants an absolute URI; an audience that is one is sent as both
				query.put("resource", integration.audience());
			}
		}
		String base = integration.authorizationEndpoint().toString();
		String encoded = query.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
	}

	static Problem problemOf(ViewerAccess access) {
		return switch (access) {
			case UNKNOWN_INTEGRATION, NOT_VIEWER -> Problem.NOT_FOUND;
			default -> Problem.FORBIDDEN;
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
