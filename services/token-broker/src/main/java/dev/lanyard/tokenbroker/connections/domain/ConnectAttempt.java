package dev.lanyard.tokenbroker.connections.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A pending connect flow of one user for one viewer integration: the {@code state} that
 * binds the provider's callback to the user, and the PKCE verifier (RFC 7636, S256).
 *
 * @param state random, URL-safe; the attempt's id
 * @param userId who started it
 * @param integrationId what is being connected
 * @param codeVerifier the PKCE verifier; a secret, never logged
 * @param redirectPath where to send the browser afterwards (a relative path), or
 * {@code null}
 * @param createdAt when it started
 * @param expiresAt after this the callback is refused
 */
public record ConnectAttempt(String state, String userId, String integrationId, String codeVerifier,
		String redirectPath, Instant createdAt, Instant expiresAt) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public ConnectAttempt {
		if (state == null || state.isBlank()) {
			throw new IllegalArgumentException("state cannot be blank");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (codeVerifier == null || codeVerifier.length() < 43 || codeVerifier.length() > 128) {
			throw new IllegalArgumentException("codeVerifier must have 43 to 128 characters");
		}
		if (createdAt == null || expiresAt == null || !expiresAt.isAfter(createdAt)) {
			throw new IllegalArgumentException("expiresAt must be after createdAt");
		}
	}

	/** A new attempt with a fresh state and verifier (32 random bytes each). */
	public static ConnectAttempt start(String userId, String integrationId, String redirectPath, Instant now,
			Duration timeToLive) {
		if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
			throw new IllegalArgumentException("timeToLive must be positive");
		}
		return new ConnectAttempt(random(), userId, integrationId, random(), redirectPath, now, now.plus(timeToLive));
	}

	/** The S256 code challenge: BASE64URL(SHA-256(verifier)), no padding. */
	public String codeChallenge() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.codeVerifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/** Never the verifier: records print their components. */
	@Override
	public String toString() {
		return "ConnectAttempt[userId=" + this.userId + ", integrationId=" + this.integrationId + ", expiresAt="
				+ this.expiresAt + "]";
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
