package dev.lanyard.audit.ledger.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedNotesTest {

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
	void openWhenReferenceNoteThenVerifiesWithReferenceKey() {
		NoteKey key = NoteKey.parse(GO_KEY);
		assertThat(HexFormat.of().formatHex(key.keyHash())).isEqualTo("c74f20a3");
		assertThat(key.verifierKey()).isEqualTo(GO_KEY);
		assertThat(SignedNotes.open(GO_NOTE, key)).isEqualTo(
				"If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n");
	}

	@Test
	void openWhenTextChangedThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SignedNotes.open(GO_NOTE.replace("answer", "Answer"), NoteKey.parse(GO_KEY)))
			.withMessage("note carries no valid signature by PeterNeumann");
	}

	@Test
	void signWhenOpenedWithSameKeyThenTextBack() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		NoteKey key = new NoteKey("example.com/log", pair.getPublic());
		Checkpoint checkpoint = new Checkpoint("example.com/log", 7, new byte[32]);
		String note = new NoteSigner(key, pair.getPrivate()).sign(checkpoint);
		assertThat(note)
			.startsWith("example.com/log\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 example.com/log ");
		assertThat(Checkpoint.parse(SignedNotes.open(note, NoteKey.parse(key.verifierKey())))).isEqualTo(checkpoint);
	}

	@Test
	void openWhenOtherKeyThenRefused() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String note = new NoteSigner(new NoteKey("log", pair.getPublic()), pair.getPrivate())
			.sign(new Checkpoint("log", 1, new byte[32]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SignedNotes.open(note, new NoteKey("log", other.getPublic())));
	}

	@Test
	void parseWhenKeyHashWrongThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NoteKey.parse(GO_KEY.replace("c74f20a3", "c74f20a4")))
			.withMessage("verifierKey's hash does not match its name and key");
	}

	@Test
	void checkpointParseWhenRootNotCanonicalBase64ThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Checkpoint.parse("log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n"))
			.withMessage("checkpoint root hash is not canonical base64");
	}

	@Test
	void toStringWhenPrintedThenNoPrivateKey() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		NoteSigner signer = new NoteSigner(new NoteKey("log", pair.getPublic()), pair.getPrivate());
		assertThat(signer.toString()).isEqualTo("NoteSigner[" + signer.key().verifierKey() + "]");
	}

}
