package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	@TempDir
	Path data;

	@Test
	void discardWhenInitdbNeverFinishedThenFolderRemoved() throws IOException {
		Files.writeString(this.data.resolve("PG_VERSION"), "14\n");
		Files.createDirectories(this.data.resolve("base/1"));
		DataDirectory.discardIfNeverInitialised(this.data);
		assertThat(this.data).doesNotExist();
	}

	@Test
	void discardWhenClusterIsCompleteThenKept() throws IOException {
		Files.writeString(this.data.resolve("PG_VERSION"), "14\n");
		Files.createDirectories(this.data.resolve("global"));
		Files.writeString(this.data.resolve("global/pg_control"), "control");
		DataDirectory.discardIfNeverInitialised(this.data);
		assertThat(this.data.resolve("global/pg_control")).isRegularFile();
	}

	@Test
	void discardWhenFolderHoldsNoClusterThenLeftAlone() throws IOException {
		Files.writeString(this.data.resolve("notes.txt"), "not PostgreSQL's");
		DataDirectory.discardIfNeverInitialised(this.data);
		assertThat(this.data.resolve("notes.txt")).isRegularFile();
	}

}
