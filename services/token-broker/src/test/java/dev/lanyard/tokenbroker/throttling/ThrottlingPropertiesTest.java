package dev.lanyard.tokenbroker.throttling;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThrottlingPropertiesTest {

	@Test
	void constructorWhenFederationBudgetBelowOneThenRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ThrottlingProperties(Duration.ofMinutes(1), 10, 100, 0, List.of()))
			.withMessage("lanyard.token-broker.throttling.federation-failures-per-address must be at least 1");
	}

	@Test
	void constructorWhenValidThenFederationBudgetKept() {
		assertThat(new ThrottlingProperties(Duration.ofMinutes(1), 10, 100, 30, null).federationFailuresPerAddress())
			.isEqualTo(30);
	}

}
