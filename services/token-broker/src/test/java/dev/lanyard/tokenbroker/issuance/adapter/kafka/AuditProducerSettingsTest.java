package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditProducerSettingsTest {

	@Test
	void overridesWhenAckTimeoutThenDurableFastAndBounded() {
		Map<String, Object> overrides = AuditProducerSettings.forAckTimeout(Duration.ofSeconds(2)).overrides();
		assertThat(overrides).containsEntry("acks", "all")
			.containsEntry("enable.idempotence", true)
			.containsEntry("linger.ms", 0)
			.containsEntry("delivery.timeout.ms", 2000)
			.containsEntry("max.block.ms", 2000L)
			.containsEntry("request.timeout.ms", 1500);
	}

	@Test
	void overridesWhenAnyTimeoutThenRequestTimeoutPlusLingerWithinDeliveryTimeout() {
		for (long millis : new long[] { 100, 999, 5000, 120_000 }) {
			Map<String, Object> overrides = AuditProducerSettings.forAckTimeout(Duration.ofMillis(millis)).overrides();
			int delivery = (int) overrides.get("delivery.timeout.ms");
			int request = (int) overrides.get("request.timeout.ms");
			assertThat(request + 1).isLessThanOrEqualTo(delivery);
		}
	}

	@Test
	void describeWhenCalledThenNamesEverySettingAndWhy() {
		String description = AuditProducerSettings.forAckTimeout(Duration.ofSeconds(5)).describe();
		assertThat(description).contains("acks=all (", "enable.idempotence=true (", "linger.ms=0 (",
				"delivery.timeout.ms=5000 (", "max.block.ms=5000 (", "request.timeout.ms=3750 (");
	}

	@Test
	void overridesWhenDenialsThenDurableBoundedBlockingButLateDelivery() {
		Map<String, Object> overrides = AuditProducerSettings.forLateDelivery(Duration.ofSeconds(2)).overrides();
		assertThat(overrides).containsEntry("acks", "all")
			.containsEntry("enable.idempotence", true)
			.containsEntry("linger.ms", 0)
			.containsEntry("delivery.timeout.ms", 120_000)
			.containsEntry("max.block.ms", 2000L)
			.containsEntry("request.timeout.ms", 1500);
	}

	@Test
	void overridesWhenDenialsAndAnyTimeoutThenRequestTimeoutPlusLingerWithinDeliveryTimeout() {
		for (long millis : new long[] { 100, 5000, 120_000 }) {
			Map<String, Object> overrides = AuditProducerSettings.forLateDelivery(Duration.ofMillis(millis))
				.overrides();
			assertThat((int) overrides.get("request.timeout.ms") + 1)
				.isLessThanOrEqualTo((int) overrides.get("delivery.timeout.ms"));
		}
	}

	@Test
	void forLateDeliveryWhenTooShortThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditProducerSettings.forLateDelivery(Duration.ofMillis(50)))
			.withMessage("ackTimeout must be at least 100 ms");
	}

	@Test
	void forAckTimeoutWhenTooShortThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditProducerSettings.forAckTimeout(Duration.ofMillis(50)))
			.withMessage("ackTimeout must be at least 100 ms");
	}

}
