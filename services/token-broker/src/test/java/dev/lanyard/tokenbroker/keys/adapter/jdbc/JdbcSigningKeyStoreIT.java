package dev.lanyard.tokenbroker.keys.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.SigningKeyRotation;
import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;
import dev.lanyard.tokenbroker.keys.adapter.jose.SigningKeys;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;
import dev.lanyard.tokenbroker.testing.MigratedDatabase;
import dev.lanyard.testing.time.MutableClock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing keys against real PostgreSQL. With a key-encryption key set, a signing key row
 * marked unencrypted (someone with write access to the database planting a key they know,
 * to forge tokens) is refused.
 */
class JdbcSigningKeyStoreIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_signing_keys_it");

	private static final Duration RETENTION = Duration.ofHours(2);

	private final KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(new byte[32]);

	private final JdbcSigningKeyStore store = new JdbcSigningKeyStore(jdbc);

	// whole microseconds: what PostgreSQL keeps
	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@BeforeEach
	void emptyTable() {
		jdbc.sql("delete from signing_key").update();
	}

	@Test
	void rotateWhenCurrentKeyActiveThenRetiresItAndStoresNextActive() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, this.clock);
		String oldKid = keys.signingKey().getKeyID();
		this.clock.advance(Duration.ofMinutes(5));
		Instant rotatedAt = this.clock.instant();

		String newKid = this.rotation(keys).rotate("admin-1").kid();

		assertThat(this.store.findAll()).satisfiesExactly((old) -> {
			assertThat(old.kid()).isEqualTo(oldKid);
			assertThat(old.retiredAt()).isEqualTo(rotatedAt);
		}, (next) -> {
			assertThat(next.kid()).isEqualTo(newKid);
			assertThat(next.active()).isTrue();
			assertThat(next.keyEncryption()).isEqualTo(KeyMaterialCipher.A256GCM);
		});
		assertThat(keys.signingKey().getKeyID()).isEqualTo(newKid);
	}

	@Test
	void rotateWhenCurrentKeyAlreadyRetiredThenStoresNothing() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, this.clock);
		String oldKid = keys.signingKey().getKeyID();
		this.rotation(keys).rotate("admin-1");
		// another instance that still believes oldKid is active loses the race
		StoredSigningKey stale = this.store.findAll().get(1);
		StoredSigningKey next = new StoredSigningKey("k-late", SigningAlgorithm.ES256, stale.keyEncryption(),
				stale.material(), this.clock.instant(), null);
		assertThat(this.store.rotate(oldKid, next, this.clock.instant())).isFalse();
		assertThat(this.store.findAll()).hasSize(2).filteredOn(StoredSigningKey::active).hasSize(1);
	}

	@Test
	void maintainWhenRetentionPassedThenRetiredKeyDeletedAndUnpublished() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, this.clock);
		String oldKid = keys.signingKey().getKeyID();
		SigningKeyRotation rotation = this.rotation(keys);
		String newKid = rotation.rotate("admin-1").kid();

		this.clock.advance(RETENTION);
		rotation.maintain();
		assertThat(keys.verificationKeys().getKeyByKeyId(oldKid)).isNotNull();

		this.clock.advance(Duration.ofSeconds(1));
		rotation.maintain();
		assertThat(this.store.findAll()).extracting(StoredSigningKey::kid).containsExactly(newKid);
		assertThat(keys.verificationKeys().getKeys()).extracting((key) -> key.getKeyID()).containsExactly(newKid);
	}

	private SigningKeyRotation rotation(SigningKeys keys) {
		return new SigningKeyRotation(this.store, keys, Duration.ofDays(30), RETENTION, this.clock);
	}

	@Test
	void loadWhenKeySetAndActiveRowUnencryptedThenRefused() throws Exception {
		ECKey planted = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyID("planted").generate();
		jdbc.sql("""
				insert into signing_key (kid, algorithm, active, key_encryption, key_material, created_at)
				values ('planted', 'ES256', true, 'none', :material, :createdAt)""")
			.param("material", planted.toJSONString().getBytes(StandardCharsets.UTF_8))
			.param("createdAt", Timestamp.from(Instant.now()))
			.update();
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.loadOrCreate(new JdbcSigningKeyStore(jdbc), this.cipher,
					SigningAlgorithm.ES256, Clock.systemUTC()))
			.withMessageContaining("planted")
			.withMessageContaining("stored unencrypted");
	}

}
