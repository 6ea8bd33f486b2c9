package dev.lanyard.tokenbroker.connections.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.application.StripedLocks;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Users' current external access tokens of viewer integrations. The stored connection is
 * the truth (so a disconnection or deactivation on any instance counts at once); the
 * access token is kept in memory next to the connection version it came from, and
 * refreshed with the stored refresh token when it is missing, expired or within
 * {@code refreshBeforeExpiry} of expiring. A rotated refresh token is stored; a refresh
 * the external service answers with {@code invalid_grant} deletes the connection (unless
 * another instance rotated it meanwhile: then the newer refresh token is tried once).
 */
public final class ViewerTokens {

	private static final Logger log = LoggerFactory.getLogger(ViewerTokens.class);

	private static final StripedLocks LOCKS = new StripedLocks(64);

	private static final String INVALID_GRANT = "invalid_grant";

	private final ConnectionStore store;

	private final UserGrantEndpoint endpoint;

	private final IntegrationSecrets secrets;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Cache<Key, Cached> cache;

	public ViewerTokens(ConnectionStore store, UserGrantEndpoint endpoint, IntegrationSecrets secrets,
			Duration refreshBeforeExpiry, long maximumSize, Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (endpoint == null) {
			throw new IllegalArgumentException("endpoint cannot be null");
		}
		if (secrets == null) {
			throw new IllegalArgumentException("secrets cannot be null");
		}
		if (refreshBeforeExpiry == null || refreshBeforeExpiry.isNegative()) {
			throw new IllegalArgumentException("refreshBeforeExpiry cannot be null or negative");
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.store = store;
		this.endpoint = endpoint;
		this.secrets = secrets;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	/** The user's access token for the integration, refreshed when needed. */
	public ViewerToken current(String userId, Integration integration) {
		Key key = new Key(userId, integration.integrationId());
		Optional<Connection> connection = this.store.find(userId, integration.integrationId());
		if (connection.isEmpty()) {
			this.cache.invalidate(key);
			return new ViewerToken.NotConnected();
		}
		Cached cached = this.cache.getIfPresent(key);
		if (isUsable(cached, connection.get(), integration)) {
			return new ViewerToken.Current(cached.token());
		}
		synchronized (LOCKS.lockFor(key)) {
			connection = this.store.find(userId, integration.integrationId());
			if (connection.isEmpty()) {
				return new ViewerToken.NotConnected();
			}
			cached = this.cache.getIfPresent(key);
			if (isUsable(cached, connection.get(), integration)) {
				return new ViewerToken.Current(cached.token());
			}
			return refresh(key, connection.get(), integration, true);
		}
	}

	/** Keeps the access token a new connection came with. */
	public void remember(Connection connection, Integration integration, ExternalToken token) {
		Key key = new Key(connection.userId(), connection.integrationId());
		Optional<Connection> stored = this.store.find(connection.userId(), connection.integrationId());
		if (stored.isPresent()) {
			this.cache.put(key, new Cached(token.cappedAt(this.clock.instant(), integration.maxTokenLifetime()),
					stored.get().version(), integration.tokenEndpoint().toString(), integration.clientId()));
		}
	}

	/** Forgets the user's access token for the integration. */
	public void forget(String userId, String integrationId) {
		this.cache.invalidate(new Key(userId, integrationId));
	}

	/** Forgets every access token of the user. */
	public void forgetAll(String userId) {
		this.cache.asMap().keySet().removeIf((key) -> key.userId().equals(userId));
	}

	private ViewerToken refresh(Key key, Connection connection, Integration integration, boolean mayRetry) {
		ExternalGrant grant;
		try {
			String secret = this.secrets.clientSecret(integration.integrationId(), integration.secretVersion());
			grant = this.endpoint.refresh(integration, secret, connection.refreshToken());
		}
		catch (ExternalServiceUnavailableException ex) {
			log.warn("Could not refresh the token of user {} for integration {}: {}", connection.userId(),
					integration.integrationId(), ex.getMessage());
			return new ViewerToken.Unavailable("The external service of integration " + integration.integrationId()
					+ " is unavailable; retry later");
		}
		catch (ExternalServiceRefusedException ex) {
			if (!INVALID_GRANT.equals(ex.error())) {
				log.warn("External service refused to refresh the token of user {} for integration {}: {}",
						connection.userId(), integration.integrationId(), ex.getMessage());
				return new ViewerToken.Refused(ex.error(), ex.getMessage());
			}
			return onRevoked(key, connection, integration, mayRetry);
		}
		Instant now = this.clock.instant();
		long version = connection.version();
		if (grant.refreshToken() != null && !grant.refreshToken().equals(connection.refreshToken())) {
			if (this.store.rotate(connection.userId(), connection.integrationId(), version, grant.refreshToken(),
					now)) {
				version++;
			}
			else {
				log.warn("Connection of user {} to integration {} changed while refreshing; rotated token not kept",
						connection.userId(), integration.integrationId());
			}
		}
		ExternalToken token = grant.accessToken().cappedAt(this.clock.instant(), integration.maxTokenLifetime());
		if (token.isFreshAt(now, this.refreshBeforeExpiry)) {
			this.cache.put(key,
					new Cached(token, version, integration.tokenEndpoint().toString(), integration.clientId()));
		}
		log.info("Refreshed the token of user {} for integration {}, valid until {}", connection.userId(),
				integration.integrationId(), token.expiresAt());
		return new ViewerToken.Current(token);
	}

	/**
	 * The external service no longer honours the refresh token: the user must connect
	 * again. Another instance may have rotated the token meanwhile; then the newer one is
	 * tried once.
	 */
	private ViewerToken onRevoked(Key key, Connection used, Integration integration, boolean mayRetry) {
		Optional<Connection> latest = this.store.find(used.userId(), used.integrationId());
		if (mayRetry && latest.isPresent() && latest.get().version() != used.version()) {
			return refresh(key, latest.get(), integration, false);
		}
		this.store.deleteIfVersion(used.userId(), used.integrationId(), used.version());
		this.cache.invalidate(key);
		log.info("Deleted the connection of user {} to integration {}: the external service revoked its grant",
				used.userId(), integration.integrationId());
		return new ViewerToken.NotConnected();
	}

	private boolean isUsable(Cached cached, Connection connection, Integration integration) {
		return cached != null && cached.version() == connection.version()
				&& cached.tokenEndpoint().equals(integration.tokenEndpoint().toString())
				&& cached.clientId().equals(integration.clientId())
				&& cached.token().isFreshAt(this.clock.instant(), this.refreshBeforeExpiry);
	}

	private record Key(String userId, String integrationId) {

	}

	/** An access token and what it was obtained with. */
	private record Cached(ExternalToken token, long version, String tokenEndpoint, String clientId) {

	}

}
