package dev.lanyard.launcher.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StateDirectoryTest {

	@TempDir
	Path folder;

	@Test
	void writePrivateWhenWrittenThenOwnerOnlyAndReadBack() throws Exception {
		StateDirectory state = new StateDirectory(this.folder);
		Properties properties = new Properties();
		properties.setProperty("a", "1");
		state.writePrivate("x.properties", properties, "test");
		assertThat(state.read("x.properties")).isEqualTo(properties);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.file("x.properties"))))
			.isEqualTo("rw-------");
	}

	@Test
	void readWhenFileMissingThenEmpty() {
		assertThat(new StateDirectory(this.folder).read("none.properties")).isEmpty();
	}

	@Test
	void deleteRunDataWhenCalledThenDataGoneAndGeneratedSettingsKept() throws Exception {
		StateDirectory state = new StateDirectory(this.folder);
		GeneratedSettings generated = GeneratedSettings.loadOrCreate(state);
		Files.createDirectories(state.data("kafka").resolve("topic-0"));
		Files.createDirectories(state.logFile("kafka").getParent());
		Files.writeString(state.logFile("kafka"), "x");
		state.deleteRunData();
		assertThat(state.data("kafka")).doesNotExist();
		assertThat(state.logFile("kafka")).doesNotExist();
		assertThat(GeneratedSettings.loadOrCreate(state)).isEqualTo(generated);
	}

	@Test
	void pathsWhenAskedThenUnderTheRoot() {
		StateDirectory state = new StateDirectory(this.folder);
		assertThat(state.logFile("audit")).isEqualTo(this.folder.resolve("logs/audit.log"));
		assertThat(state.data("postgres")).isEqualTo(this.folder.resolve("data/postgres"));
		assertThat(state.work("audit")).isEqualTo(this.folder.resolve("work/audit"));
	}

}
