package dev.lanyard.integrations.secrets.application;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RewrapSecretsTest {

	private final SecretCipher old = new SecretCipher("kek-1", Map.of("kek-1", SecretCipherTest.OLD_KEK));

	private final SecretCipher rotated = new SecretCipher("kek-2",
			Map.of("kek-1", SecretCipherTest.OLD_KEK, "kek-2", SecretCipherTest.NEW_KEK));

	private final InMemorySealedSecrets store = new InMemorySealedSecrets();

	@Test
	void runWhenSecretsUnderOldKeyThenRewrappedAndStillOpen() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		this.store.secrets.put(a, this.old.seal(a, "secret-a"));
		this.store.secrets.put(b, this.rotated.seal(b, "secret-b"));

		RewrapSecrets.Report report = new RewrapSecrets(this.rotated, this.store).run();

		assertThat(report.activeKeyId()).isEqualTo("kek-2");
		assertThat(report.rewrapped()).isEqualTo(1);
		assertThat(report.unreadable()).isEmpty();
		assertThat(this.store.secrets.get(a).keyId()).isEqualTo("kek-2");
		SecretCipher onlyNew = new SecretCipher("kek-2", Map.of("kek-2", SecretCipherTest.NEW_KEK));
		assertThat(onlyNew.open(a, this.store.secrets.get(a))).isEqualTo("secret-a");
		assertThat(onlyNew.open(b, this.store.secrets.get(b))).isEqualTo("secret-b");
	}

	@Test
	void runWhenRunTwiceThenSecondDoesNothing() {
		UUID a = UUID.randomUUID();
		this.store.secrets.put(a, this.old.seal(a, "secret-a"));
		new RewrapSecrets(this.rotated, this.store).run();
		assertThat(new RewrapSecrets(this.rotated, this.store).run().rewrapped()).isZero();
	}

	@Test
	void runWhenKeyMissingThenReportedUnreadableAndLeftAlone() {
		UUID a = UUID.randomUUID();
		SealedSecret sealed = this.old.seal(a, "secret-a");
		this.store.secrets.put(a, sealed);
		SecretCipher withoutOld = new SecretCipher("kek-2", Map.of("kek-2", SecretCipherTest.NEW_KEK));

		RewrapSecrets.Report report = new RewrapSecrets(withoutOld, this.store).run();

		assertThat(report.rewrapped()).isZero();
		assertThat(report.unreadable()).containsExactly(a);
		assertThat(this.store.secrets.get(a)).isEqualTo(sealed);
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RewrapSecrets(this.old, null))
			.withMessage("store cannot be null");
	}

}
