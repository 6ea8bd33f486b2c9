package dev.lanyard.tokenbroker.clients.adapter.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets with one round of SHA-256 and compares in constant time.
 * <p>
 * A slow password hash (BCrypt and friends) exists to make guessing low-entropy human
 * passwords expensive. Lanyard's client secrets are 256 random bits, which no amount of
 * guessing reaches, so a slow hash would only add tens of milliseconds to every token
 * request. The one exception is a bootstrap administrator secret chosen by a person; the
 * service warns when that one is short.
 */
public final class Sha256SecretEncoder implements PasswordEncoder {

	/** The id of this encoding inside a {@link DelegatingPasswordEncoder}. */
	public static final String ID = "sha256";

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * A delegating encoder that writes {@code {sha256}<hex>} and matches nothing else (a
	 * hash with another id is a mismatch, not an error).
	 */
	public static PasswordEncoder delegating() {
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ID, Map.of(ID, new Sha256SecretEncoder()));
		encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
		return encoder;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword == null) {
			throw new IllegalArgumentException("rawPassword cannot be null");
		}
		return HEX.formatHex(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.length() != 64) {
			return false;
		}
		byte[] expected;
		try {
			expected = HEX.parseHex(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(digest(rawPassword), expected);
	}

	private static byte[] digest(CharSequence raw) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static final class NeverMatches implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("NeverMatches only matches");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return false;
		}

	}

}
