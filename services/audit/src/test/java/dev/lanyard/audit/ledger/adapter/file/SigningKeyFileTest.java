package dev.lanyard.audit.ledger.adapter.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.lanyard.audit.ledger.domain.Checkpoint;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import dev.lanyard.audit.ledger.domain.SignedNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyFileTest {

	@TempDir
	Path folder;

	@Test
	void loadWhenAbsentAndGenerateThenCreatedOwnerOnlyAndSameKeyOnReload() throws Exception {
		Path file = this.folder.resolve("state/ledger-key.pem");
		NoteSigner first = SigningKeyFile.load(file, "log", true);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		NoteSigner again = SigningKeyFile.load(file, "log", false);
		assertThat(again.key().verifierKey()).isEqualTo(first.key().verifierKey());
		String note = first.sign(new Checkpoint("log", 1, new byte[32]));
		assertThat(SignedNotes.open(note, again.key())).isEqualTo("log\n1\n" + "A".repeat(43) + "=\n");
	}

	@Test
	void loadWhenAbsentAndNotGenerateThenFailsNamingKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeyFile.load(this.folder.resolve("missing.pem"), "log", false))
			.withMessageStartingWith("lanyard.audit.ledger.signing-key-file ")
			.withMessageContaining("does not exist");
	}

	@Test
	void loadWhenHalvesFromDifferentKeysThenFailsWithoutContent() throws Exception {
		String a = Files.readString(generated("a.pem"));
		String b = Files.readString(generated("b.pem"));
		Path mixed = this.folder.resolve("mixed.pem");
		Files.writeString(mixed,
				a.substring(0, a.indexOf("-----BEGIN PUBLIC")) + b.substring(b.indexOf("-----BEGIN PUBLIC")));
		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.load(mixed, "log", false))
			.withMessageContaining("its PUBLIC KEY is not its PRIVATE KEY's")
			.withMessageNotContaining("MC4CAQ");
	}

	@Test
	void loadWhenNotPemThenFailsNamingKey() throws Exception {
		Path file = this.folder.resolve("garbage.pem");
		Files.writeString(file, "hello");
		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.load(file, "log", false))
			.withMessageContaining("must hold a PRIVATE KEY and a PUBLIC KEY block");
	}

	private Path generated(String name) {
		Path file = this.folder.resolve(name);
		SigningKeyFile.load(file, "log", true);
		return file;
	}

}
