package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanyard.testing.time.MutableClock;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedSubjectTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

	private final AtomicInteger decoded = new AtomicInteger();

	private final MutableClock clock = new MutableClock(NOW);

	private final JwtDecoder checking = (token) -> {
		this.decoded.incrementAndGet();
		if (token.startsWith("forged")) {
			throw new JwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.subject("demo-content")
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(60))
			.build();
	};

	@Test
	void decodeWhenSameTokenAgainThenCheckedOnce() {
		VerifiedSubjectTokens tokens = new VerifiedSubjectTokens(this.checking, this.clock, 10);

		Jwt first = tokens.decode("good-token");
		Jwt second = tokens.decode("good-token");

		assertThat(second).isSameAs(first);
		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void decodeWhenTokenFailedItsCheckThenNotRememberedAndFailsAgain() {
		VerifiedSubjectTokens tokens = new VerifiedSubjectTokens(this.checking, this.clock, 10);

		assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(JwtException.class);
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void decodeWhenRememberedTokenExpiredThenCheckedAgain() {
		VerifiedSubjectTokens tokens = new VerifiedSubjectTokens(this.checking, this.clock, 10);
		tokens.decode("good-token");

		this.clock.advance(Duration.ofSeconds(61));
		tokens.decode("good-token");

		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void constructorWhenDecoderNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedSubjectTokens(null, this.clock, 10))
			.withMessage("decoder cannot be null");
	}

	@Test
	void constructorWhenClockNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedSubjectTokens(this.checking, null, 10))
			.withMessage("clock cannot be null");
	}

	@Test
	void constructorWhenMaximumSizeZeroThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedSubjectTokens(this.checking, this.clock, 0))
			.withMessage("maximumSize must be positive");
	}

}
