package dev.lanyard.launcher.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GeneratedSettingsTest {

	@TempDir
	Path folder;

	@Test
	void loadOrCreateWhenFirstCalledThenGeneratesLongSecretInPrivateFile() throws Exception {
		StateDirectory state = new StateDirectory(this.folder.resolve("state"));
		GeneratedSettings settings = GeneratedSettings.loadOrCreate(state);
		assertThat(settings.adminClientSecret()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(settings.kafkaClusterId()).isNotBlank();
		assertThat(Base64.getUrlDecoder().decode(settings.tokenBrokerKeyEncryptionKey())).hasSize(32);
		Path file = state.file(GeneratedSettings.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void loadOrCreateWhenCalledAgainThenSameValues() {
		StateDirectory state = new StateDirectory(this.folder);
		GeneratedSettings first = GeneratedSettings.loadOrCreate(state);
		GeneratedSettings second = GeneratedSettings.loadOrCreate(state);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void loadOrCreateWhenStateFolderFromBeforeTheKeyThenAddsKeyAndKeepsTheRest() {
		StateDirectory state = new StateDirectory(this.folder);
		Properties earlier = new Properties();
		earlier.setProperty("kafka.cluster-id", "cluster-1");
		earlier.setProperty("token-broker.bootstrap-admin.client-secret", "s".repeat(43));
		state.writePrivate(GeneratedSettings.FILE, earlier, "earlier");
		GeneratedSettings settings = GeneratedSettings.loadOrCreate(state);
		assertThat(settings.kafkaClusterId()).isEqualTo("cluster-1");
		assertThat(settings.adminClientSecret()).isEqualTo("s".repeat(43));
		assertThat(settings.tokenBrokerKeyEncryptionKey()).isNotBlank();
		assertThat(GeneratedSettings.loadOrCreate(state)).isEqualTo(settings);
	}

	@Test
	void randomSecretWhenCalledTwiceThenDifferent() {
		assertThat(GeneratedSettings.randomSecret()).isNotEqualTo(GeneratedSettings.randomSecret());
	}

	@Test
	void toStringWhenPrintedThenHidesTheSecret() {
		GeneratedSettings settings = new GeneratedSettings("cluster", "x".repeat(40), "y".repeat(40), "A".repeat(43));
		assertThat(settings.toString()).doesNotContain("xxxx").doesNotContain("yyyy").doesNotContain("AAAA");
	}

	@Test
	void constructorWhenSecretShortThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new GeneratedSettings("cluster", "short", "y".repeat(40), GeneratedSettings.randomSecret()))
			.withMessageContaining("adminClientSecret");
	}

	@Test
	void constructorWhenKeyEncryptionKeyNotThirtyTwoBytesThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratedSettings("cluster", "x".repeat(40), "y".repeat(40), "c2hvcnQ"))
			.withMessageContaining("tokenBrokerKeyEncryptionKey");
	}

}
