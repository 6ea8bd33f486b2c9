package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers subject tokens that passed every check, until they expire. Content presents
 * the same session token for many exchanges, and checking an ES256 signature costs about
 * half a millisecond of CPU here (some 2,000 a second per core), more than the rest of a
 * cached exchange. Entries are keyed by the token's SHA-256, never the token, and a token
 * that failed a check is never remembered.
 */
public final class VerifiedSubjectTokens implements JwtDecoder {

	private static final Duration LONGEST = Duration.ofMinutes(5);

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	public VerifiedSubjectTokens(JwtDecoder decoder, Clock clock, long maximumSize) {
		if (decoder == null) {
			throw new IllegalArgumentException("decoder cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.decoder = decoder;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry()).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (token == null) {
			throw new JwtException("token cannot be null");
		}
		String key = sha256(token);
		Jwt known = this.verified.getIfPresent(key);
		if (known != null && known.getExpiresAt() != null && this.clock.instant().isBefore(known.getExpiresAt())) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(key, jwt);
		}
		return jwt;
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	/** An entry lives until its token expires, at most five minutes. */
	private final class UntilExpiry implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
			Duration left = Duration.between(VerifiedSubjectTokens.this.clock.instant(), jwt.getExpiresAt());
			Duration kept = left.compareTo(LONGEST) > 0 ? LONGEST : left;
			return Math.max(0, kept.toNanos());
		}

		@Override
		public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(key, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
