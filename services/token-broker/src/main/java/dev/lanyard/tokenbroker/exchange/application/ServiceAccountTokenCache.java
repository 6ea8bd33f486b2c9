package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.ExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.external.application.StripedLocks;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * External service-account tokens, kept per integration and scope set until shortly
 * before they expire, and fetched (client credentials, with the secret from
 * {@link IntegrationSecrets}) when none is fresh. The key includes everything the token
 * depends on (endpoint, client id, secret version, audience), so a changed integration
 * never gets a token made for its old settings. Concurrent misses for one key fetch once.
 */
public final class ServiceAccountTokenCache {

	private static final Logger log = LoggerFactory.getLogger(ServiceAccountTokenCache.class);

	private static final StripedLocks LOCKS = new StripedLocks(64);

	private final ExternalTokenEndpoint endpoint;

	private final IntegrationSecrets secrets;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Cache<Key, ExternalToken> cache;

	public ServiceAccountTokenCache(ExternalTokenEndpoint endpoint, IntegrationSecrets secrets,
			Duration refreshBeforeExpiry, long maximumSize, Clock clock) {
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
		this.endpoint = endpoint;
		this.secrets = secrets;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	/** A fresh token for the integration and scopes, from the cache when there is one. */
	public ExternalToken get(Integration integration, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		Key key = Key.of(integration, scopes);
		ExternalToken cached = this.cache.getIfPresent(key);
		if (cached != null && isFresh(cached)) {
			return cached;
		}
		synchronized (LOCKS.lockFor(key)) {
			cached = this.cache.getIfPresent(key);
			if (cached != null && isFresh(cached)) {
				return cached;
			}
			ExternalToken fetched = fetch(integration, scopes).cappedAt(this.clock.instant(),
					integration.maxTokenLifetime());
			if (isFresh(fetched)) {
				this.cache.put(key, fetched);
			}
			return fetched;
		}
	}

	private ExternalToken fetch(Integration integration, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		String secret = this.secrets.clientSecret(integration.integrationId(), integration.secretVersion());
		ExternalToken token = this.endpoint.clientCredentials(integration, secret, scopes);
		log.info("Fetched a service-account token for integration {} valid until {}", integration.integrationId(),
				token.expiresAt());
		return token;
	}

	/**
	 * Fresh while more than the margin is left (a token living shorter than that is
	 * handed out once and not kept).
	 */
	private boolean isFresh(ExternalToken token) {
		return token.isFreshAt(this.clock.instant(), this.refreshBeforeExpiry);
	}

	/** What a service-account token depends on. */
	record Key(String integrationId, URI tokenEndpoint, String clientId, long secretVersion, String audience,
			List<String> scopes) {

		static Key of(Integration integration, Set<String> scopes) {
			return new Key(integration.integrationId(), integration.tokenEndpoint(), integration.clientId(),
					integration.secretVersion(), integration.audience(), List.copyOf(new TreeSet<>(scopes)));
		}

	}

}
