package dev.lanyard.launcher.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RepositoryRootTest {

	@TempDir
	Path folder;

	@Test
	void locateWhenPropertySetThenPropertyWins() {
		assertThat(RepositoryRoot.locate(this.folder.toString(), Map.of("LANYARD_ROOT", "/nowhere"), Path.of("/")))
			.isEqualTo(this.folder);
	}

	@Test
	void locateWhenOnlyVariableSetThenVariable() {
		assertThat(RepositoryRoot.locate(null, Map.of("LANYARD_ROOT", this.folder.toString()), Path.of("/")))
			.isEqualTo(this.folder);
	}

	@Test
	void locateWhenNeitherSetThenWalksUpToBinLanyard() throws Exception {
		Files.createDirectories(this.folder.resolve("bin"));
		Files.writeString(this.folder.resolve("bin/lanyard"), "#!/bin/bash");
		Path deep = Files.createDirectories(this.folder.resolve("services/audit/src"));
		assertThat(RepositoryRoot.locate(null, Map.of(), deep)).isEqualTo(this.folder);
	}

	@Test
	void locateWhenNothingFoundThenErrorSaysWhatToSet() {
		assertThatIllegalStateException().isThrownBy(() -> RepositoryRoot.locate(null, Map.of(), this.folder))
			.withMessageContaining("lanyard.root")
			.withMessageContaining("LANYARD_ROOT");
	}

	@Test
	void locateWhenPropertyNamesNoDirectoryThenError() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RepositoryRoot.locate(this.folder.resolve("missing").toString(), Map.of(), this.folder))
			.withMessageContaining("lanyard.root");
	}

}
