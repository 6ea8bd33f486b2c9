package dev.lanyard.platform.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers for events, correlation and tokens: unique, not secret.
 *
 * <p>
 * {@link UUID#randomUUID()} draws from the JDK's shared {@code SecureRandom}, which on
 * Linux reads {@code /dev/urandom} under one lock. Measured on the request path of
 * token-broker under load, more than half of the request threads sampled waited there. An
 * id needs to be unique, not unpredictable (a token's id is inside its signature; an
 * event id is an idempotency key), so these come from {@link ThreadLocalRandom} instead:
 * no lock, no system call. Secrets, keys, states and nonces keep using
 * {@code SecureRandom}.
 */
public final class Ids {

	private static final long VERSION_MASK = 0x000000000000F000L;

	private static final long VERSION_4 = 0x0000000000004000L;

	private static final long VARIANT_MASK = 0xC000000000000000L;

	private static final long VARIANT_IETF = 0x8000000000000000L;

	private Ids() {
	}

	/** A version 4 (random) UUID. */
	public static UUID uuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
		long low = (random.nextLong() & ~VARIANT_MASK) | VARIANT_IETF;
		return new UUID(high, low);
	}

	/** {@link #uuid()} as its canonical string. */
	public static String uuidString() {
		return uuid().toString();
	}

}
