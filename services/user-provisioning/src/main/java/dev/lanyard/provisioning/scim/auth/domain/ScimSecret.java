package dev.lanyard.provisioning.scim.auth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCIM client's bearer secret: {@value #PREFIX} followed by 256 random bits from
 * {@link SecureRandom} in base64url, so secret scanners can recognise a leaked one. Only
 * its SHA-256 is kept; a presented secret is looked up by that hash. Hashing first means
 * the lookup compares values the caller cannot choose byte by byte, so it is no timing
 * oracle, and a secret with 256 bits of entropy needs no slow password hash.
 */
public final class ScimSecret {

	/** Starts every secret ("Lanyard SCIM"). */
	public static final String PREFIX = "lys_";

	private static final int RANDOM_BYTES = 32;

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

	private ScimSecret() {
	}

	/** A new secret, to be shown once. */
	public static String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		return PREFIX + base64url.encodeToString(bytes);
	}

	/** The SHA-256 of a secret's UTF-8 bytes, as stored and looked up. */
	public static byte[] sha256(String secret) {
		if (secret == null) {
			throw new IllegalArgumentException("secret cannot be null");
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * Whether a presented value could be a secret at all: the prefix and the length of
	 * one. Anything else is refused without a lookup.
	 */
	public static boolean isWellFormed(String presented) {
		return presented != null && presented.length() == PREFIX.length() + 43 && presented.startsWith(PREFIX);
	}

}
