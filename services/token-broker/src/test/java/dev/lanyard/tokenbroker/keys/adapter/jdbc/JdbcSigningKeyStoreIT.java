package dev.lanyard.tokenbroker.keys.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.SigningKeys;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;
import dev.lanyard.tokenbroker.testing.MigratedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing keys against real PostgreSQL. With a key-encryption key set, a signing key row
 * marked unencrypted (someone with write access to the database planting a key they know,
 * to forge tokens) is refused.
 */
class JdbcSigningKeyStoreIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_signing_keys_it");

	private final KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(new byte[32]);

	@BeforeEach
	void emptyTable() {
		jdbc.sql("delete from signing_key").update();
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
