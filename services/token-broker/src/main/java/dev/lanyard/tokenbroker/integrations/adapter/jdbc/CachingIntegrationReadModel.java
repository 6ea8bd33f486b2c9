package dev.lanyard.tokenbroker.integrations.adapter.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Keeps recently read integrations in memory so that a token exchange does not query the
 * database every time. Changes consumed by this instance drop the entry at once; changes
 * consumed by another instance (the partitions are shared among instances) show after at
 * most the time to live.
 */
public final class CachingIntegrationReadModel implements IntegrationReadModel {

	private final IntegrationReadModel delegate;

	private final LoadingCache<String, Optional<Integration>> cache;

	public CachingIntegrationReadModel(IntegrationReadModel delegate, Duration timeToLive, long maximumSize) {
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		if (timeToLive == null || timeToLive.isNegative()) {
			throw new IllegalArgumentException("timeToLive cannot be null or negative");
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.delegate = delegate;
		this.cache = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build(delegate::find);
	}

	@Override
	public boolean apply(Integration integration) {
		try {
			return this.delegate.apply(integration);
		}
		finally {
			this.cache.invalidate(integration.integrationId());
		}
	}

	@Override
	public void markDeleted(String integrationId, Instant at) {
		try {
			this.delegate.markDeleted(integrationId, at);
		}
		finally {
			this.cache.invalidate(integrationId);
		}
	}

	@Override
	public Optional<Integration> find(String integrationId) {
		return this.cache.get(integrationId);
	}

}
