package dev.lanyard.tokenbroker.issuance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint under which the audit trail knows a token. */
public final class TokenDigest {

	private TokenDigest() {
	}

	/** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
	public static String sha256Hex(String tokenValue) {
		if (tokenValue == null || tokenValue.isEmpty()) {
			throw new IllegalArgumentException("tokenValue cannot be empty");
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
