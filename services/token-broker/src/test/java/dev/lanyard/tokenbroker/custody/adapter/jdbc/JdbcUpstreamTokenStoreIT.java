package dev.lanyard.tokenbroker.custody.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.testing.MigratedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Upstream tokens against real PostgreSQL (Flyway V9): sealed, bound, dropped, purged.
 */
class JdbcUpstreamTokenStoreIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_upstream_tokens_it");

	private final JdbcUpstreamTokenStore store = new JdbcUpstreamTokenStore(jdbc,
			KeyMaterialCipher.aes256Gcm(new byte[32]));

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final String sessionId = "s-" + UUID.randomUUID();

	private final String userId = "u-" + UUID.randomUUID();

	@Test
	void findWhenSavedThenSealedAtRestAndOpensForThatSessionAndUserOnly() {
		this.store.save(new UpstreamToken(this.sessionId, this.userId, "upstream-secret-1", this.now.plusSeconds(60)),
				this.now);

		byte[] stored = jdbc.sql("select access_token from upstream_token where session_id = :s")
			.param("s", this.sessionId)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("upstream-secret-1");
		assertThat(this.store.find(this.sessionId, this.userId, this.now))
			.hasValueSatisfying((token) -> assertThat(token.value()).isEqualTo("upstream-secret-1"));
		assertThat(this.store.find(this.sessionId, "someone-else", this.now)).isEmpty();
	}

	/** A sealed token moved to another session's row does not open there. */
	@Test
	void findWhenSealedValueMovedToAnotherSessionThenRefused() {
		String other = "s-" + UUID.randomUUID();
		this.store.save(new UpstreamToken(this.sessionId, this.userId, "upstream-secret-1", this.now.plusSeconds(60)),
				this.now);
		this.store.save(new UpstreamToken(other, this.userId, "upstream-secret-2", this.now.plusSeconds(60)), this.now);
		jdbc.sql("""
				update upstream_token set access_token = (select access_token from upstream_token where session_id = :s)
				where session_id = :other""").param("s", this.sessionId).param("other", other).update();

		assertThatIllegalStateException().isThrownBy(() -> this.store.find(other, this.userId, this.now));
	}

	@Test
	void findWhenExpiredThenEmptyAndPurgedAtNextSave() {
		this.store.save(new UpstreamToken(this.sessionId, this.userId, "upstream-1", this.now.plusSeconds(1)),
				this.now);

		assertThat(this.store.find(this.sessionId, this.userId, this.now.plusSeconds(1))).isEmpty();
		this.store.save(
				new UpstreamToken("s-" + UUID.randomUUID(), this.userId, "upstream-2", this.now.plusSeconds(600)),
				this.now.plusSeconds(2));
		assertThat(jdbc.sql("select count(*) from upstream_token where session_id = :s")
			.param("s", this.sessionId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void deleteWhenSessionEndsOrUserGoesThenRowsDeleted() {
		String second = "s-" + UUID.randomUUID();
		this.store.save(new UpstreamToken(this.sessionId, this.userId, "upstream-1", this.now.plusSeconds(60)),
				this.now);
		this.store.save(new UpstreamToken(second, this.userId, "upstream-2", this.now.plusSeconds(60)), this.now);

		assertThat(this.store.deleteSession(this.sessionId)).isTrue();
		assertThat(this.store.find(this.sessionId, this.userId, this.now)).isEmpty();
		assertThat(this.store.deleteAllOf(this.userId)).isEqualTo(1);
		assertThat(this.store.find(second, this.userId, this.now)).isEmpty();
	}

}
