package dev.lanyard.launcher.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
	void randomSecretWhenCalledTwiceThenDifferent() {
		assertThat(GeneratedSettings.randomSecret()).isNotEqualTo(GeneratedSettings.randomSecret());
	}

	@Test
	void toStringWhenPrintedThenHidesTheSecret() {
		GeneratedSettings settings = new GeneratedSettings("cluster", "x".repeat(40), "y".repeat(40));
		assertThat(settings.toString()).doesNotContain("xxxx").doesNotContain("yyyy");
	}

	@Test
	void constructorWhenSecretShortThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GeneratedSettings("cluster", "short", "y".repeat(40)))
			.withMessageContaining("adminClientSecret");
	}

}
