package dev.lanyard.tokenbroker.federation.adapter.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.testing.MigratedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jti replay cache as two token-broker instances share it: two caches (each with its
 * own in-memory front) on one real PostgreSQL database.
 */
class JdbcReplayCacheIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_federation_it");

	private static final Instant NOW = Instant.now();

	private final JdbcReplayCache first = new JdbcReplayCache(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), 100);

	private final JdbcReplayCache second = new JdbcReplayCache(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), 100);

	private final String jti = UUID.randomUUID().toString();

	@Test
	void firstUseWhenAnotherInstanceAcceptedTheJtiThenReplay() {
		assertThat(this.first.firstUse("https://idp.example.com", this.jti, NOW.plusSeconds(300))).isTrue();
		assertThat(this.second.firstUse("https://idp.example.com", this.jti, NOW.plusSeconds(300))).isFalse();
		assertThat(this.first.firstUse("https://idp.example.com", this.jti, NOW.plusSeconds(300))).isFalse();
	}

	@Test
	void firstUseWhenSameJtiOfAnotherIssuerThenFirstUse() {
		assertThat(this.first.firstUse("https://idp.example.com", this.jti, NOW.plusSeconds(300))).isTrue();
		assertThat(this.second.firstUse("https://idp.example.com/", this.jti, NOW.plusSeconds(300))).isTrue();
	}

	@Test
	void firstUseWhenTheRememberedTokenCouldNoLongerBeAcceptedThenFirstUseAgain() {
		assertThat(this.first.firstUse("https://idp.example.com", this.jti, NOW.minusSeconds(1))).isTrue();
		assertThat(this.second.firstUse("https://idp.example.com", this.jti, NOW.plusSeconds(300))).isTrue();
	}

	@Test
	void pruneWhenRowsExpiredThenDeletedAndLiveOnesKept() {
		String live = UUID.randomUUID().toString();
		this.first.firstUse("https://idp.example.com", this.jti, NOW.minusSeconds(1));
		this.first.firstUse("https://idp.example.com", live, NOW.plusSeconds(300));
		assertThat(this.first.prune(NOW)).isPositive();
		assertThat(jdbc.sql("select count(*) from federation_jti where token_key = :key")
			.param("key", JdbcReplayCache.key("https://idp.example.com", live))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.second.firstUse("https://idp.example.com", live, NOW.plusSeconds(300))).isFalse();
	}

}
