package dev.lanyard.launcher.postgres;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class TarXzTest {

	@TempDir
	Path target;

	@Test
	void extractWhenFilesAndLinksThenUnpackedWithTheirExecuteBit() throws IOException {
		byte[] archive = archive((tar) -> {
			file(tar, "bin/postgres", 0755, "program");
			file(tar, "lib/libpq.so.5", 0644, "library");
			link(tar, "lib/libpq.so", "libpq.so.5");
		});
		TarXz.extract(new ByteArrayInputStream(archive), this.target);
		assertThat(Files.isExecutable(this.target.resolve("bin/postgres"))).isTrue();
		assertThat(Files.readString(this.target.resolve("lib/libpq.so"))).isEqualTo("library");
		assertThat(Files.isSymbolicLink(this.target.resolve("lib/libpq.so"))).isTrue();
	}

	@Test
	void extractWhenEntryClimbsOutOfTheTargetThenRefused() throws IOException {
		byte[] archive = archive((tar) -> file(tar, "../outside", 0644, "x"));
		assertThatIOException().isThrownBy(() -> TarXz.extract(new ByteArrayInputStream(archive), this.target))
			.withMessageContaining("outside");
		assertThat(this.target.resolveSibling("outside")).doesNotExist();
	}

	@Test
	void extractWhenLinkPointsOutOfTheTargetThenRefused() throws IOException {
		byte[] archive = archive((tar) -> link(tar, "lib/escape", "../../etc/passwd"));
		assertThatIOException().isThrownBy(() -> TarXz.extract(new ByteArrayInputStream(archive), this.target))
			.withMessageContaining("outside");
	}

	private interface Entries {

		void write(TarArchiveOutputStream tar) throws IOException;

	}

	private static byte[] archive(Entries entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(1)))) {
			entries.write(tar);
		}
		return bytes.toByteArray();
	}

	private static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
		byte[] data = content.getBytes(StandardCharsets.UTF_8);
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setMode(mode);
		entry.setSize(data.length);
		tar.putArchiveEntry(entry);
		tar.write(data);
		tar.closeArchiveEntry();
	}

	private static void link(TarArchiveOutputStream tar, String name, String linkTarget) throws IOException {
		TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
		entry.setLinkName(linkTarget);
		tar.putArchiveEntry(entry);
		tar.closeArchiveEntry();
	}

}
