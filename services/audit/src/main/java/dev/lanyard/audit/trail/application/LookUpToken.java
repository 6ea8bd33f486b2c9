package dev.lanyard.audit.trail.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.StoredEvent;

/**
 * Incident response for a leaked credential: from the token's value to the events that
 * name it (its issuance, its revocations). The trail holds only SHA-256 hashes, so the
 * value is hashed here and then forgotten; it is never stored or logged.
 */
public final class LookUpToken {

	/** A JWT or opaque token longer than this is not one Lanyard issued. */
	public static final int MAX_TOKEN_LENGTH = 16_384;

	private static final int MAX_EVENTS = 500;

	private final AuditTrail trail;

	public LookUpToken(AuditTrail trail) {
		if (trail == null) {
			throw new IllegalArgumentException("trail cannot be null");
		}
		this.trail = trail;
	}

	/**
	 * @param token the token's value as presented
	 * @return its hash and the events naming it, newest first
	 */
	public TokenLookup lookUp(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("token cannot be blank");
		}
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw new IllegalArgumentException("token must be at most " + MAX_TOKEN_LENGTH + " characters");
		}
		String sha256 = sha256(token.strip());
		List<StoredEvent> events = this.trail.find(EventFilter.builder().tokenSha256(sha256).build(), null, MAX_EVENTS);
		return new TokenLookup(sha256, events);
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

	/**
	 * @param tokenSha256 lower-case hex SHA-256 of the value looked up
	 * @param events the events naming it, newest first
	 */
	public record TokenLookup(String tokenSha256, List<StoredEvent> events) {

		public TokenLookup {
			events = List.copyOf(events);
		}

	}

}
