package dev.lanyard.tokenbroker.custody.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpstreamTokenTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final UpstreamToken token = new UpstreamToken("s-1", "u-1", "upstream-secret", NOW.plusSeconds(60));

	@Test
	void usableByWhenSameSessionAndUserBeforeExpiryThenTrue() {
		assertThat(this.token.usableBy("s-1", "u-1", NOW)).isTrue();
	}

	@Test
	void usableByWhenOtherUserOrSessionThenFalse() {
		assertThat(this.token.usableBy("s-1", "u-2", NOW)).isFalse();
		assertThat(this.token.usableBy("s-2", "u-1", NOW)).isFalse();
	}

	@Test
	void usableByWhenExpiredThenFalse() {
		assertThat(this.token.usableBy("s-1", "u-1", NOW.plusSeconds(60))).isFalse();
	}

	@Test
	void toStringWhenPrintedThenNoTokenValue() {
		assertThat(this.token.toString()).doesNotContain("upstream-secret").contains("s-1").contains("u-1");
	}

	@Test
	void constructorWhenValueEmptyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpstreamToken("s-1", "u-1", "", NOW))
			.withMessage("value cannot be empty");
	}

	@Test
	void constructorWhenSessionBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpstreamToken(" ", "u-1", "v", NOW))
			.withMessage("sessionId cannot be blank");
	}

}
