package dev.lanyard.tokenbroker.custody.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.connections.application.ViewerToken;
import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.external.application.DelegationEndpoint;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.external.application.StripedLocks;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Users' external tokens of delegated viewer integrations, obtained at the provider from
 * the upstream token of the browser session the user session token names. The stored
 * upstream token is the truth (so a sign-out or deactivation on any instance counts at
 * once): it is looked up, bound to session and user, on every call; the delegated token
 * is kept in memory per (session, integration, scopes) until {@code refreshBeforeExpiry}
 * before it expires.
 */
public final class DelegatedViewerTokens {

	private static final Logger log = LoggerFactory.getLogger(DelegatedViewerTokens.class);

	private static final StripedLocks LOCKS = new StripedLocks(64);

	private final UpstreamTokenStore store;

	private final DelegationEndpoint endpoint;

	private final IntegrationSecrets secrets;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Cache<Key, Cached> cache;

	public DelegatedViewerTokens(UpstreamTokenStore store, DelegationEndpoint endpoint, IntegrationSecrets secrets,
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

	/**
	 * The user's token for the delegated integration, obtained with the upstream token of
	 * that session.
	 * @param sessionId the {@code sid} of the user session token, or {@code null}
	 */
	public ViewerToken current(String sessionId, String userId, Integration integration, Set<String> scopes) {
		if (integration == null || !integration.isDelegated()) {
			throw new IllegalArgumentException("integration must be delegated");
		}
		if (sessionId == null || userId == null) {
			return new ViewerToken.NoUpstreamToken();
		}
		Key key = new Key(sessionId, integration.integrationId(), String.join(" ", new TreeSet<>(scopes)));
		Optional<UpstreamToken> upstream = this.store.find(sessionId, userId, this.clock.instant());
		if (upstream.isEmpty()) {
			this.cache.invalidate(key);
			return new ViewerToken.NoUpstreamToken();
		}
		Cached cached = this.cache.getIfPresent(key);
		if (isUsable(cached, userId, integration)) {
			return new ViewerToken.Current(cached.token());
		}
		synchronized (LOCKS.lockFor(key)) {
			cached = this.cache.getIfPresent(key);
			if (isUsable(cached, userId, integration)) {
				return new ViewerToken.Current(cached.token());
			}
			return obtain(key, upstream.get(), integration, scopes);
		}
	}

	private ViewerToken obtain(Key key, UpstreamToken upstream, Integration integration, Set<String> scopes) {
		ExternalToken token;
		try {
			String secret = this.secrets.clientSecret(integration.integrationId(), integration.secretVersion());
			token = this.endpoint.onBehalfOf(integration, secret, upstream.value(), scopes);
		}
		catch (ExternalServiceUnavailableException ex) {
			log.warn("Could not obtain a delegated token of user {} for integration {}: {}", upstream.userId(),
					integration.integrationId(), ex.getMessage());
			return new ViewerToken.Unavailable("The external service of integration " + integration.integrationId()
					+ " is unavailable; retry later");
		}
		catch (ExternalServiceRefusedException ex) {
			log.info("The provider refused delegation for user {} via integration {}: {}", upstream.userId(),
					integration.integrationId(), ex.getMessage());
			return new ViewerToken.Refused(ex.error(), ex.getMessage());
		}
		token = token.cappedAt(this.clock.instant(), integration.maxTokenLifetime());
		Instant now = this.clock.instant();
		if (token.isFreshAt(now, this.refreshBeforeExpiry)) {
			this.cache.put(key, new Cached(token, upstream.userId(), integration.tokenEndpoint().toString(),
					integration.clientId(), integration.delegation().value()));
		}
		log.info("Obtained a delegated token of user {} for integration {} (session {}), valid until {}",
				upstream.userId(), integration.integrationId(), upstream.sessionId(), token.expiresAt());
		return new ViewerToken.Current(token);
	}

	private boolean isUsable(Cached cached, String userId, Integration integration) {
		return cached != null && cached.userId().equals(userId)
				&& cached.tokenEndpoint().equals(integration.tokenEndpoint().toString())
				&& cached.clientId().equals(integration.clientId())
				&& cached.delegation().equals(integration.delegation().value())
				&& cached.token().isFreshAt(this.clock.instant(), this.refreshBeforeExpiry);
	}

	private record Key(String sessionId, String integrationId, String scopes) {

	}

	/** A delegated token and what it was obtained with. */
	private record Cached(ExternalToken token, String userId, String tokenEndpoint, String clientId,
			String delegation) {

	}

}
