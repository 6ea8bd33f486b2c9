package dev.lanyard.tokenbroker.external.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalTokenTest {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private final ExternalToken token = new ExternalToken("value", NOW.plusSeconds(3600), Set.of("read"));

	@Test
	void cappedAtWhenLongerThanTheMaximumThenExpiresAtTheMaximum() {
		ExternalToken capped = this.token.cappedAt(NOW, Duration.ofMinutes(10));

		assertThat(capped.expiresAt()).isEqualTo(NOW.plusSeconds(600));
		assertThat(capped.value()).isEqualTo("value");
		assertThat(capped.scopes()).containsExactly("read");
	}

	@Test
	void cappedAtWhenShorterThanTheMaximumOrNoMaximumThenUnchanged() {
		assertThat(this.token.cappedAt(NOW, Duration.ofHours(2))).isSameAs(this.token);
		assertThat(this.token.cappedAt(NOW, null)).isSameAs(this.token);
	}

	@Test
	void toStringWhenPrintedThenNoValue() {
		assertThat(this.token.toString()).doesNotContain("value,").contains("<redacted>");
	}

}
