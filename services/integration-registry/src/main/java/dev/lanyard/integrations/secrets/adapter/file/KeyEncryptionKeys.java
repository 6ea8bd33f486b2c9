package dev.lanyard.integrations.secrets.adapter.file;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.platform.crypto.KeyEncryptionKeyText;

/**
 * Reads the key-encryption keys from settings and the key file, and builds the cipher.
 * Every problem is reported with the setting's key, never with key material.
 */
public final class KeyEncryptionKeys {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

	static final String KEYS = "lanyard.integrations.key-encryption.keys";

	static final String KEY_FILE = "lanyard.integrations.key-encryption.key-file";

	static final String ACTIVE = "lanyard.integrations.key-encryption.active-key-id";

	private KeyEncryptionKeys() {
	}

	/**
	 * @param keys {@code id:base64} entries
	 * @param keyFile path of the key file, or {@code null}
	 * @param activeKeyId the active key id, or {@code null} when there is one key
	 * @param generateKeyFile create the key file with a new key when missing
	 * @return a cipher over every key
	 * @throws IllegalStateException naming the setting that is wrong
	 */
	public static SecretCipher cipher(List<String> keys, String keyFile, String activeKeyId, boolean generateKeyFile) {
		Map<String, byte[]> all = new LinkedHashMap<>();
		for (String entry : keys) {
			int colon = entry.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException(KEYS + " entries must look like <id>:<base64 of 32 bytes>");
			}
			add(all, entry.substring(0, colon).strip(), entry.substring(colon + 1).strip(), KEYS);
		}
		if (keyFile != null && !keyFile.isBlank()) {
			Path path = Path.of(keyFile);
			if (Files.notExists(path) && generateKeyFile) {
				generate(path);
			}
			readFile(path).forEach((id, value) -> add(all, id, value, KEY_FILE + " (" + path + ")"));
		}
		if (all.isEmpty()) {
			throw new IllegalStateException(
					"No key-encryption key for client secrets: set " + KEYS + " or " + KEY_FILE);
		}
		String active = (activeKeyId != null && !activeKeyId.isBlank()) ? activeKeyId.strip() : null;
		if (active == null) {
			if (all.size() > 1) {
				throw new IllegalStateException(
						ACTIVE + " must be set when there are several key-encryption keys " + all.keySet());
			}
			active = all.keySet().iterator().next();
		}
		if (!all.containsKey(active)) {
			throw new IllegalStateException(
					ACTIVE + " names " + active + ", which is not among the keys " + all.keySet());
		}
		return new SecretCipher(active, all);
	}

	private static void add(Map<String, byte[]> all, String id, String base64, String source) {
		if (!SecretCipher.isKeyId(id)) {
			throw new IllegalStateException(source + ": key id must be 1 to 64 of letters, digits, . _ -");
		}
		byte[] key = KeyEncryptionKeyText.decode(base64)
			.orElseThrow(
					() -> new IllegalStateException(source + ": key " + id + " must be 32 bytes encoded in base64"));
		byte[] earlier = all.putIfAbsent(id, key);
		if (earlier != null && !Arrays.equals(earlier, key)) {
			throw new IllegalStateException(source + ": key " + id + " is given twice with different values");
		}
	}

	private static Map<String, String> readFile(Path path) {
		String text;
		try {
			text = Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					KEY_FILE + " cannot be read: " + path + " (" + ex.getClass().getSimpleName() + ")");
		}
		Properties properties = new Properties();
		try (Reader reader = new StringReader(text)) {
			properties.load(reader);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalStateException(KEY_FILE + " is not a file of <id>=<base64> lines: " + path);
		}
		Map<String, String> keys = new LinkedHashMap<>();
		properties.stringPropertyNames().stream().sorted().forEach((id) -> keys.put(id, properties.getProperty(id)));
		return keys;
	}

	private static void generate(Path path) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		String id = "kek-" + LocalDate.now(ZoneOffset.UTC);
		String content = "# integration-registry key-encryption keys: <id>=<base64 of 32 bytes>\n" + id + "="
				+ Base64.getEncoder().encodeToString(key) + "\n";
		try {
			if (path.getParent() != null) {
				Files.createDirectories(path.getParent());
			}
			Files.createFile(path);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the file keeps its default permissions
			}
			Files.writeString(path, content, StandardCharsets.UTF_8);
			log.warn("Generated key-encryption key {} in {} ({} is on: for development only)", id, path,
					"lanyard.integrations.key-encryption.generate-key-file");
		}
		catch (FileAlreadyExistsException ex) {
			// another instance created it meanwhile
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					KEY_FILE + " could not be created: " + path + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

}
