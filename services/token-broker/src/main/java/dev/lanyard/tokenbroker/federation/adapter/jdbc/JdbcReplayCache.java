package dev.lanyard.tokenbroker.federation.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.lanyard.tokenbroker.federation.application.ReplayCache;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code jti} replay cache shared by every instance: an insert-if-absent into
 * PostgreSQL's {@code federation_jti} decides (the primary key makes the second insert of
 * a key, from any instance, a no-op), keyed by the SHA-256 of issuer and {@code jti}. A
 * bounded in-memory front answers repeats seen by this instance without a round trip;
 * expired rows are pruned every {@value #PRUNE_EVERY} first uses.
 */
public final class JdbcReplayCache implements ReplayCache {

	private static final int PRUNE_EVERY = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int frontCapacity;

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final AtomicLong uses = new AtomicLong();

	public JdbcReplayCache(JdbcClient jdbc, Clock clock, int frontCapacity) {
		if (jdbc == null || clock == null) {
			throw new IllegalArgumentException("jdbc and clock cannot be null");
		}
		if (frontCapacity < 1) {
			throw new IllegalArgumentException("frontCapacity must be positive");
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.frontCapacity = frontCapacity;
	}

	@Override
	public boolean firstUse(String issuer, String jti, Instant keepUntil) {
		if (issuer == null || jti == null || keepUntil == null) {
			throw new IllegalArgumentException("issuer, jti and keepUntil cannot be null");
		}
		String key = key(issuer, jti);
		Instant now = this.clock.instant();
		Instant known = this.seen.get(key);
		if (known != null && known.isAfter(now)) {
			return false;
		}
		boolean first = this.jdbc.sql("""
				insert into federation_jti (token_key, expires_at) values (:key, :until)
				on conflict (token_key) do update set expires_at = excluded.expires_at
				where federation_jti.expires_at < :now""")
			.param("key", key)
			.param("until", Timestamp.from(keepUntil))
			.param("now", Timestamp.from(now))
			.update() == 1;
		remember(key, keepUntil, now);
		if (first && this.uses.incrementAndGet() % PRUNE_EVERY == 0) {
			prune(now);
		}
		return first;
	}

	/** Deletes the rows whose tokens could no longer be accepted anyway. */
	public int prune(Instant now) {
		this.seen.values().removeIf((until) -> !until.isAfter(now));
		return this.jdbc.sql("delete from federation_jti where expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	private void remember(String key, Instant keepUntil, Instant now) {
		if (this.seen.size() >= this.frontCapacity) {
			this.seen.values().removeIf((until) -> !until.isAfter(now));
			if (this.seen.size() >= this.frontCapacity) {
				return;
			}
		}
		this.seen.put(key, keepUntil);
	}

	static String key(String issuer, String jti) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(issuer.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			return HexFormat.of().formatHex(sha256.digest(jti.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
