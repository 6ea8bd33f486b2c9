package dev.lanyard.tokenbroker.external.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StripedLocksTest {

	private record Key(String a, String b) {
	}

	@Test
	void lockForWhenEqualKeysThenSameMonitor() {
		StripedLocks locks = new StripedLocks(64);

		assertThat(locks.lockFor(new Key("x", "y"))).isSameAs(locks.lockFor(new Key("x", "y")));
	}

	@Test
	void lockForWhenNullKeyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StripedLocks(4).lockFor(null))
			.withMessage("key cannot be null");
	}

	@Test
	void constructorWhenNoLocksThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StripedLocks(0))
			.withMessage("count must be positive");
	}

}
