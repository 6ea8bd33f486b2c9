package dev.lanyard.tokenbroker.connections.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.connections.application.ConnectionResult.Problem;
import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.connections.domain.ViewerAccess;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

/**
 * Ends a connect flow at the provider's callback: the state must be the calling user's,
 * unused and unexpired (it is used up either way); then the code is redeemed with the
 * PKCE verifier and the refresh token stored, encrypted, for the user and integration.
 */
public final class CompleteConnection {

	private static final Logger log = LoggerFactory.getLogger(CompleteConnection.class);

	private final IntegrationReadModel integrations;

	private final UserReadModel users;

	private final ConnectionStore store;

	private final IntegrationSecrets secrets;

	private final UserGrantEndpoint endpoint;

	private final ViewerTokens tokens;

	private final ConnectionLinks links;

	private final Clock clock;

	public CompleteConnection(IntegrationReadModel integrations, UserReadModel users, ConnectionStore store,
			IntegrationSecrets secrets, UserGrantEndpoint endpoint, ViewerTokens tokens, ConnectionLinks links,
			Clock clock) {
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (secrets == null) {
			throw new IllegalArgumentException("secrets cannot be null");
		}
		if (endpoint == null) {
			throw new IllegalArgumentException("endpoint cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (links == null) {
			throw new IllegalArgumentException("links cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.integrations = integrations;
		this.users = users;
		this.store = store;
		this.secrets = secrets;
		this.endpoint = endpoint;
		this.tokens = tokens;
		this.links = links;
		this.clock = clock;
	}

	public ConnectionResult complete(CompleteConnectionCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		String userId = command.userId();
		boolean hasState = command.state() != null && !command.state().isBlank();
		ConnectAttempt attempt = hasState ? this.store.takeAttempt(command.state(), userId).orElse(null) : null;
		if (command.error() != null) {
			String error = printable(command.error());
			log.info("External service refused to connect user {} to integration {}: {}", userId,
					(attempt != null) ? attempt.integrationId() : "?", error);
			return badRequest("The external service refused the authorization: " + error);
		}
		if (!hasState) {
			return badRequest("state is required");
		}
		if (attempt == null) {
			log.info("Refused a connect callback for user {}: unknown, used or another user's state", userId);
			return badRequest("Unknown or already used state; start connecting again");
		}
		Instant now = this.clock.instant();
		String integrationId = attempt.integrationId();
		if (attempt.isExpiredAt(now)) {
			log.info("Refused a connect callback of user {} for integration {}: expired", userId, integrationId);
			return badRequest("The connect attempt expired; start connecting again");
		}
		if (command.code() == null || command.code().isBlank()) {
			return badRequest("code is required");
		}
		Integration integration = this.integrations.find(integrationId).orElse(null);
		ViewerAccess access = ViewerAccess.decide(integration, this.users.find(userId).orElse(null));
		if (access != ViewerAccess.ALLOWED) {
			log.info("Refused to connect user {} to integration {}: {}", userId, integrationId, access);
			return new ConnectionResult.Refused(StartConnection.problemOf(access),
					access.describe(userId, integrationId));
		}
		ExternalGrant grant;
		try {
			String secret = this.secrets.clientSecret(integrationId, integration.secretVersion());
			grant = this.endpoint.authorizationCode(integration, secret, command.code(), this.links.callback(),
					attempt.codeVerifier());
		}
		catch (ExternalServiceUnavailableException ex) {
			log.warn("Could not connect user {} to integration {}: {}", userId, integrationId, ex.getMessage());
			return new ConnectionResult.Refused(Problem.UNAVAILABLE,
					"The external service of integration " + integrationId + " is unavailable; retry later");
		}
		catch (ExternalServiceRefusedException ex) {
			log.warn("External service refused the code of user {} for integration {}: {}", userId, integrationId,
					ex.getMessage());
			return badRequest("The external service refused the authorization code"
					+ ((ex.error() != null) ? " (" + ex.error() + ")" : ""));
		}
		if (grant.refreshToken() == null) {
			log.warn("External service of integration {} issued no refresh token to user {}", integrationId, userId);
			return new ConnectionResult.Refused(Problem.BAD_GATEWAY, "The external service of integration "
					+ integrationId + " issued no refresh token; its scopes may need offline access");
		}
		Connection connection = new Connection(userId, integrationId, grant.accessToken().scopes(),
				grant.refreshToken(), 1, now);
		this.store.save(connection, now);
		this.tokens.remember(connection, integration, grant.accessToken());
		log.info("User {} connected integration {}", userId, integrationId);
		return new ConnectionResult.Connected(integrationId,
				(attempt.redirectPath() != null) ? this.links.resolve(attempt.redirectPath()) : null);
	}

	/** The provider's error code as RFC 6749 allows it: printable ASCII, short. */
	private static String printable(String error) {
		String kept = error.chars()
			.filter((c) -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')
			.limit(100)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return kept.isEmpty() ? "unknown_error" : kept;
	}

	private static ConnectionResult badRequest(String description) {
		return new ConnectionResult.Refused(Problem.BAD_REQUEST, description);
	}

}
