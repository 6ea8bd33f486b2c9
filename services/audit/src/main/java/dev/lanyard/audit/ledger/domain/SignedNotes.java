package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed notes: the text, a blank line, and one line per signature
 * {@code — <key name> <base64(key hash || signature)>}.
 */
public final class SignedNotes {

	private static final String DASH = "\u2014 ";

	private SignedNotes() {
	}

	/** The note of {@code text} (ending with a newline) signed by {@code key}. */
	public static String sign(String text, NoteKey key, PrivateKey privateKey) {
		if (text == null || !text.endsWith("\n")) {
			throw new IllegalArgumentException("text must end with a newline");
		}
		if (key == null || privateKey == null) {
			throw new IllegalArgumentException("key and privateKey cannot be null");
		}
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey);
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed: " + ex.getClass().getSimpleName(), ex);
		}
		byte[] line = new byte[4 + signature.length];
		System.arraycopy(key.keyHash(), 0, line, 0, 4);
		System.arraycopy(signature, 0, line, 4, signature.length);
		return text + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
	}

	/**
	 * The text of a note carrying a valid signature by {@code key}.
	 * @throws IllegalArgumentException when the note is malformed or not signed by it
	 */
	public static String open(String note, NoteKey key) {
		if (note == null || key == null) {
			throw new IllegalArgumentException("note and key cannot be null");
		}
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new IllegalArgumentException("note has no signature block");
		}
		String text = note.substring(0, split + 1);
		for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
			if (!line.startsWith(DASH + key.name() + " ")) {
				continue;
			}
			byte[] decoded = Base64.getDecoder().decode(line.substring(DASH.length() + key.name().length() + 1));
			if (decoded.length == 68 && Arrays.equals(Arrays.copyOf(decoded, 4), key.keyHash())
					&& key.verifies(text, Arrays.copyOfRange(decoded, 4, 68))) {
				return text;
			}
		}
		throw new IllegalArgumentException("note carries no valid signature by " + key.name());
	}

}
