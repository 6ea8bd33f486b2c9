package dev.lanyard.auditverifier;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotesTest {

	/**
	 * The example of Go's golang.org/x/mod/sumdb/note documentation, which C2SP adopted.
	 */
	private static final String GO_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	private static final String GO_NOTE = """
			If you think cryptography is the answer to your problem,
			then you don't know what your problem is.

			\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=
			""";

	@Test
	void parseWhenReferenceKeyThenNameAndHash() {
		Notes.Key key = Notes.Key.parse(GO_KEY);
		assertThat(key.name()).isEqualTo("PeterNeumann");
		assertThat(HexFormat.of().formatHex(key.keyHash())).isEqualTo("c74f20a3");
	}

	@Test
	void openWhenReferenceNoteThenSignatureAcceptedButNotACheckpoint() {
		// the signature verifies; the text is a proverb, not a checkpoint
		assertThatIllegalArgumentException().isThrownBy(() -> Notes.open(GO_NOTE, Notes.Key.parse(GO_KEY)))
			.withMessage("the note is not a checkpoint");
	}

	@Test
	void openWhenNoteTextChangedThenSignatureRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notes.open(GO_NOTE.replace("problem,", "problem;"), Notes.Key.parse(GO_KEY)))
			.withMessage("the note's signature does not verify with key PeterNeumann");
	}

	@Test
	void base64WhenNotCanonicalThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Notes.Strict.base64("AB=="))
			.withMessage("not canonical base64");
	}

	@Test
	void runWhenNoArgumentsThenUsageAndExit2() {
		assertThat(AuditVerifier.run(new String[0], System.out,
				new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
			.isEqualTo(AuditVerifier.UNREADABLE);
	}

}
