package dev.lanyard.tokenbroker.issuance;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditPropertiesTest {

	@Test
	void auditPropertiesWhenTimeoutTooShortThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(Duration.ofMillis(10)))
			.withMessageStartingWith("lanyard.token-broker.audit-ack-timeout must be");
	}

}
