package dev.lanyard.tokenbroker.keys.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;

/**
 * Rotates the signing key, on demand and once it is {@code rotationPeriod} old, and drops
 * retired keys from the JWKS {@code retention} after they stopped signing (when every
 * token they signed has expired). Safe on several instances at once: the store lets one
 * rotation of a key win.
 */
public final class SigningKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

	private static final int ATTEMPTS = 3;

	private final SigningKeyStore store;

	private final SigningKeyring keys;

	private final Duration rotationPeriod;

	private final Duration retention;

	private final Clock clock;

	public SigningKeyRotation(SigningKeyStore store, SigningKeyring keys, Duration rotationPeriod, Duration retention,
			Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (keys == null) {
			throw new IllegalArgumentException("keys cannot be null");
		}
		if (rotationPeriod == null || rotationPeriod.isNegative() || rotationPeriod.isZero()) {
			throw new IllegalArgumentException("rotationPeriod must be positive");
		}
		if (retention == null || retention.isNegative()) {
			throw new IllegalArgumentException("retention cannot be negative");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.store = store;
		this.keys = keys;
		this.rotationPeriod = rotationPeriod;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Retires the active key now and signs with a new one from now on.
	 * @param actorId who asked (logged)
	 */
	public Rotated rotate(String actorId) {
		if (actorId == null || actorId.isBlank()) {
			throw new IllegalArgumentException("actorId cannot be blank");
		}
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			StoredSigningKey current = active();
			Rotated rotated = rotateFrom(current, actorId);
			if (rotated != null) {
				return rotated;
			}
		}
		throw new IllegalStateException("The signing key was rotated concurrently " + ATTEMPTS + " times; retry");
	}

	/**
	 * What the schedule runs: rotates the key once it is due, drops retired keys past
	 * their retention, and reads the keys again (so rotations by other instances are
	 * picked up).
	 */
	public void maintain() {
		StoredSigningKey current = active();
		if (!current.createdAt().plus(this.rotationPeriod).isAfter(this.clock.instant())
				&& rotateFrom(current, "schedule") == null) {
			log.info("Signing key {} was rotated by another instance", current.kid());
		}
		List<String> dropped = this.store.deleteRetiredBefore(this.clock.instant().minus(this.retention));
		if (!dropped.isEmpty()) {
			log.info("Dropped retired signing key(s) {} from the JWKS: every token they signed has expired", dropped);
		}
		this.keys.reload();
	}

	/** Until when a key retired at {@code retiredAt} stays published. */
	public Instant publishedUntil(Instant retiredAt) {
		return retiredAt.plus(this.retention);
	}

	private StoredSigningKey active() {
		StoredSigningKey current = SigningKeyStore.activeKey(this.store.findAll(), this.keys.algorithm());
		if (current == null) {
			throw new IllegalStateException("No active " + this.keys.algorithm() + " signing key is stored");
		}
		return current;
	}

	/**
	 * The rotation, or {@code null} when another instance rotated {@code current} first.
	 */
	private Rotated rotateFrom(StoredSigningKey current, String actorId) {
		StoredSigningKey next = this.keys.newKey();
		Instant now = this.clock.instant();
		if (!this.store.rotate(current.kid(), next, now)) {
			return null;
		}
		this.keys.reload();
		Instant until = publishedUntil(now);
		log.info("Rotated {} signing key {} to {} (actor {}); {} stays published until {}", this.keys.algorithm(),
				current.kid(), next.kid(), actorId, current.kid(), until);
		return new Rotated(next.kid(), current.kid(), until);
	}

	/**
	 * A rotation.
	 *
	 * @param kid the key that signs from now on
	 * @param retiredKid the key it replaced
	 * @param retiredPublishedUntil until when the replaced key stays in the JWKS
	 */
	public record Rotated(String kid, String retiredKid, Instant retiredPublishedUntil) {

	}

}
