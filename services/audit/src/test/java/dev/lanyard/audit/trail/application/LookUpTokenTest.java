package dev.lanyard.audit.trail.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LookUpTokenTest {

	private final LookUpToken lookUp = new LookUpToken(new FakeAuditTrail());

	@Test
	void constructorWhenTrailNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LookUpToken(null))
			.withMessage("trail cannot be null");
	}

	@Test
	void lookUpWhenTokenBlankThenThrowsWithoutValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.lookUp.lookUp(" "))
			.withMessage("token cannot be blank");
	}

	@Test
	void lookUpWhenTokenTooLongThenThrowsWithoutValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.lookUp.lookUp("x".repeat(16_385)))
			.withMessage("token must be at most 16384 characters");
	}

	@Test
	void lookUpWhenTokenThenItsSha256AsTokenBrokerComputesIt() {
		// SHA-256("abc"), FIPS 180-2 appendix B.1
		assertThat(this.lookUp.lookUp("abc\n").tokenSha256())
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
