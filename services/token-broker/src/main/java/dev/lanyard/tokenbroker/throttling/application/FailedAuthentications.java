package dev.lanyard.tokenbroker.throttling.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed client authentications per key (a client id, a source address) in fixed
 * windows, and says for how long a key that reached its limit must wait. Memory stays
 * bounded: at most {@code maximumKeys} keys, each forgotten a window after its last
 * failure.
 */
public final class FailedAuthentications {

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Window> windows;

	private record Window(Instant start, int failures) {
	}

	public FailedAuthentications(int limit, Duration window, long maximumKeys, Clock clock) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		if (maximumKeys < 1) {
			throw new IllegalArgumentException("maximumKeys must be at least 1");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.windows = Caffeine.newBuilder().maximumSize(maximumKeys).expireAfterWrite(window).build();
	}

	/** Counts one failure of {@code key}. */
	public void failed(String key) {
		Instant now = this.clock.instant();
		this.windows.asMap()
			.merge(key, new Window(now, 1),
					(old, fresh) -> expired(old, now) ? fresh : new Window(old.start(), old.failures() + 1));
	}

	/** How long {@code key} must wait before trying again, or empty when it may now. */
	public Optional<Duration> retryAfter(String key) {
		Window current = this.windows.getIfPresent(key);
		Instant now = this.clock.instant();
		if (current == null || expired(current, now) || current.failures() < this.limit) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, current.start().plus(this.window)));
	}

	private boolean expired(Window window, Instant now) {
		return !now.isBefore(window.start().plus(this.window));
	}

}
