package dev.lanyard.tokenbroker.issuance;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditPropertiesTest {

	@Test
	void auditPropertiesWhenTimeoutTooShortThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties(Duration.ofMillis(10), Duration.ofSeconds(15)))
			.withMessageStartingWith("lanyard.token-broker.audit-ack-timeout must be");
	}

	@Test
	void auditPropertiesWhenUnreadyForNegativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditProperties(Duration.ofSeconds(5), Duration.ofSeconds(-1)))
			.withMessageStartingWith("lanyard.token-broker.audit-unready-for must be");
	}

}
