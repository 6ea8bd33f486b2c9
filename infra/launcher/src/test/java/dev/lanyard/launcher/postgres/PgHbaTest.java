package dev.lanyard.launcher.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PgHbaTest {

	@TempDir
	Path data;

	@Test
	void writeWhenCalledThenEveryConnectionNeedsAScramPasswordAndOnlyTheOwnerReadsIt() throws Exception {
		PgHba.write(this.data);
		Path file = this.data.resolve(PgHba.FILE);
		assertThat(Files.readAllLines(file)).filteredOn((line) -> !line.isBlank() && !line.startsWith("#"))
			.containsExactly("local   all   all                  scram-sha-256",
					"host    all   all   127.0.0.1/32   scram-sha-256");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PgHba.trusts(this.data)).isFalse();
	}

	@Test
	void trustsWhenInitdbTrustLinesThenTrue() throws Exception {
		Files.writeString(this.data.resolve(PgHba.FILE), """
				# "trust" in a comment does not count
				local   all             all                                     trust
				host    all             all             127.0.0.1/32            trust
				""");
		assertThat(PgHba.trusts(this.data)).isTrue();
	}

	@Test
	void trustsWhenNoFileThenFalse() {
		assertThat(PgHba.trusts(this.data)).isFalse();
	}

}
