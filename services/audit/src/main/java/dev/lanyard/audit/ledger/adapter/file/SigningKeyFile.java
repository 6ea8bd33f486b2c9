package dev.lanyard.audit.ledger.adapter.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.NoteSigner;

/**
 * The log's Ed25519 key in a PEM file holding a {@code PRIVATE KEY} (PKCS #8) and a
 * {@code PUBLIC KEY} (X.509) block — the JDK cannot derive the public half from the
 * private one, so both are kept. Created with owner-only permissions when allowed and
 * absent. Nothing here logs or prints the private key.
 */
public final class SigningKeyFile {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

	private SigningKeyFile() {
	}

	/**
	 * @param file where the key is
	 * @param name the key's name in signatures
	 * @param generate whether to create the file when it does not exist
	 * @throws IllegalStateException naming the file (never its content) when it cannot be
	 * used
	 */
	public static NoteSigner load(Path file, String name, boolean generate) {
		if (file == null || name == null) {
			throw new IllegalArgumentException("file and name cannot be null");
		}
		if (!Files.exists(file)) {
			if (!generate) {
				throw new IllegalStateException("lanyard.audit.ledger.signing-key-file " + file + " does not exist"
						+ " (set lanyard.audit.ledger.generate-signing-key-file=true to create one)");
			}
			create(file);
		}
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			PrivateKey privateKey = null;
			PublicKey publicKey = null;
			Matcher matcher = BLOCK.matcher(pem);
			KeyFactory keys = KeyFactory.getInstance("Ed25519");
			while (matcher.find()) {
				byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
				if ("PRIVATE".equals(matcher.group(1))) {
					privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
				}
				else {
					publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
				}
			}
			if (privateKey == null || publicKey == null) {
				throw new IllegalStateException("lanyard.audit.ledger.signing-key-file " + file
						+ " must hold a PRIVATE KEY and a PUBLIC KEY block (Ed25519)");
			}
			NoteKey key = new NoteKey(name, publicKey);
			requirePair(key, privateKey, file);
			return new NoteSigner(key, privateKey);
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("lanyard.audit.ledger.signing-key-file " + file
					+ " cannot be read as an Ed25519 key: " + ex.getClass().getSimpleName());
		}
	}

	/** A file whose halves do not belong together would sign what nobody can verify. */
	private static void requirePair(NoteKey key, PrivateKey privateKey, Path file) throws GeneralSecurityException {
		byte[] probe = "lanyard audit key check".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(privateKey);
		signer.update(probe);
		if (!key.verifies(new String(probe, StandardCharsets.US_ASCII), signer.sign())) {
			throw new IllegalStateException(
					"lanyard.audit.ledger.signing-key-file " + file + ": its PUBLIC KEY is not its PRIVATE KEY's");
		}
	}

	private static void create(Path file) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			String pem = block("PRIVATE", pair.getPrivate().getEncoded())
					+ block("PUBLIC", pair.getPublic().getEncoded());
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".ledger-key", ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's permissions are what protect it
			}
			Files.writeString(temporary, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException ex) {
				// another instance created it first: use theirs
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("lanyard.audit.ledger.signing-key-file " + file + " cannot be created: "
					+ ex.getClass().getSimpleName(), ex);
		}
	}

	private static String block(String kind, byte[] der) {
		return "-----BEGIN " + kind + " KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + kind + " KEY-----\n";
	}

}
