package dev.lanyard.tokenbroker.external.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An access token an external service issued for an integration.
 *
 * @param value the token itself; never logged or published
 * @param expiresAt when it stops being handed out (its own expiry, capped by the
 * integration's maximum lifetime)
 * @param scopes the scopes it carries
 */
public record ExternalToken(String value, Instant expiresAt, Set<String> scopes) {

	public ExternalToken {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("value cannot be empty");
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException("expiresAt cannot be null");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		scopes = Set.copyOf(scopes);
	}

	/**
	 * Whether it may still be handed out at {@code now}: more than {@code margin} of its
	 * life is left.
	 */
	public boolean isFreshAt(Instant now, Duration margin) {
		return now.plus(margin).isBefore(this.expiresAt);
	}

	/**
	 * This token, expiring no later than {@code maxLifetime} after {@code now} (an
	 * integration's maximum token lifetime); unchanged when there is no maximum.
	 */
	public ExternalToken cappedAt(Instant now, Duration maxLifetime) {
		if (maxLifetime == null) {
			return this;
		}
		Instant cap = now.plus(maxLifetime);
		return this.expiresAt.isAfter(cap) ? new ExternalToken(this.value, cap, this.scopes) : this;
	}

	/** Never the value: records print their components. */
	@Override
	public String toString() {
		return "ExternalToken[value=<redacted>, expiresAt=" + this.expiresAt + ", scopes=" + this.scopes + "]";
	}

}
