package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;

import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

/**
 * The key source of each trust rule, kept while the rule is unchanged: its static JWK Set
 * (public keys only), or its {@code jwksUri} through Nimbus' {@link JWKSourceBuilder} —
 * cached, re-fetched on an unknown {@code kid} at most once per rate-limit interval.
 */
public final class IssuerKeys {

	private static final int MAX_RULES = 10_000;

	private final ResourceRetriever retriever;

	private final Duration cacheTimeToLive;

	private final Duration refreshInterval;

	private final Map<String, Entry> sources = new ConcurrentHashMap<>();

	/**
	 * @param cacheTimeToLive how long a fetched key set is used without fetching again
	 * @param refreshInterval the least time between two fetches of one rule's keys
	 */
	public IssuerKeys(ResourceRetriever retriever, Duration cacheTimeToLive, Duration refreshInterval) {
		if (retriever == null) {
			throw new IllegalArgumentException("retriever cannot be null");
		}
		if (cacheTimeToLive == null || refreshInterval == null || cacheTimeToLive.compareTo(refreshInterval) <= 0) {
			throw new IllegalArgumentException("cacheTimeToLive must be longer than refreshInterval");
		}
		this.retriever = retriever;
		this.cacheTimeToLive = cacheTimeToLive;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * The rule's key source.
	 * @throws IllegalArgumentException when its static JWK Set or its URI is unusable
	 */
	public JWKSource<SecurityContext> of(FederationTrust trust) {
		Entry entry = this.sources.get(trust.integrationId());
		if (entry != null && entry.trust().equals(trust)) {
			return entry.source();
		}
		if (this.sources.size() >= MAX_RULES) {
			this.sources.clear();
		}
		JWKSource<SecurityContext> source = build(trust);
		this.sources.put(trust.integrationId(), new Entry(trust, source));
		return source;
	}

	private JWKSource<SecurityContext> build(FederationTrust trust) {
		if (trust.staticJwks() != null) {
			try {
				// never a private key, whatever an administrator pasted
				return new ImmutableJWKSet<>(JWKSet.parse(trust.staticJwks()).toPublicJWKSet());
			}
			catch (ParseException ex) {
				throw new IllegalArgumentException("staticJwks is not a JWK Set");
			}
		}
		try {
			return JWKSourceBuilder.<SecurityContext>create(trust.jwksUri().toURL(), this.retriever)
				.cache(this.cacheTimeToLive.toMillis(), Math.min(this.refreshInterval.toMillis(), 15_000))
				.rateLimited(this.refreshInterval.toMillis())
				.refreshAheadCache(false)
				.retrying(false)
				.build();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("jwksUri is not a URL");
		}
	}

	private record Entry(FederationTrust trust, JWKSource<SecurityContext> source) {

	}

}
