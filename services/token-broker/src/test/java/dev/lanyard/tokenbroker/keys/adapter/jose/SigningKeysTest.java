package dev.lanyard.tokenbroker.keys.adapter.jose;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.application.InMemorySigningKeyStore;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SigningKeysTest {

	private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

	private final KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(new byte[32]);

	@Test
	void loadOrCreateWhenEmptyThenGeneratesEs256KeyAndStoresIt() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC());
		assertThat(keys.signingKey()).isInstanceOf(ECKey.class);
		assertThat(keys.signingKey().isPrivate()).isTrue();
		assertThat(keys.signingKey().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(this.store.findAll()).singleElement().satisfies((stored) -> {
			assertThat(stored.kid()).isEqualTo(keys.signingKey().getKeyID());
			assertThat(stored.keyEncryption()).isEqualTo("A256GCM");
		});
	}

	@Test
	void loadOrCreateWhenRestartedThenKeepsKid() {
		String kid = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC())
			.signingKey()
			.getKeyID();
		String again = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC())
			.signingKey()
			.getKeyID();
		assertThat(again).isEqualTo(kid);
		assertThat(this.store.findAll()).hasSize(1);
	}

	@Test
	void loadOrCreateWhenAlgorithmSwitchedThenSignsWithNewAndPublishesBoth() {
		SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC());
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.RS256, Clock.systemUTC());
		assertThat(keys.signingKey()).isInstanceOf(RSAKey.class);
		assertThat(keys.verificationKeys().getKeys()).hasSize(2);
		assertThat(keys.verificationKeys().toPublicJWKSet().getKeys()).allMatch((k) -> !k.isPrivate());
	}

	@Test
	void loadOrCreateWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeys.loadOrCreate(null, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC()))
			.withMessage("store cannot be null");
	}

	@Test
	void loadOrCreateWhenAlgorithmNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeys.loadOrCreate(this.store, this.cipher, null, Clock.systemUTC()))
			.withMessage("algorithm cannot be null");
	}

	@Test
	void newKeyWhenAskedThenSealedKeyOfTheAlgorithmNotStored() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, Clock.systemUTC());
		StoredSigningKey next = keys.newKey();
		assertThat(next.algorithm()).isEqualTo(SigningAlgorithm.ES256);
		assertThat(next.keyEncryption()).isEqualTo("A256GCM");
		assertThat(next.kid()).isNotEqualTo(keys.signingKey().getKeyID());
		assertThat(new String(next.material(), StandardCharsets.UTF_8)).doesNotContain("\"d\"");
		assertThat(this.store.findAll()).hasSize(1);
	}

}
