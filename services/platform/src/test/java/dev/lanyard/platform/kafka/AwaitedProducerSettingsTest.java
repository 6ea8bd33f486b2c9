package dev.lanyard.platform.kafka;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AwaitedProducerSettingsTest {

	@Test
	void overridesWhenAckTimeoutThenDurableFastAndBounded() {
		Map<String, Object> overrides = AwaitedProducerSettings.forAckTimeout(Duration.ofSeconds(2)).overrides();
		assertThat(overrides).containsOnly(Map.entry("acks", "all"), Map.entry("enable.idempotence", true),
				Map.entry("linger.ms", 0), Map.entry("delivery.timeout.ms", 2000), Map.entry("max.block.ms", 2000L),
				Map.entry("request.timeout.ms", 1500));
	}

	@Test
	void overridesWhenAnyTimeoutThenRequestTimeoutPlusLingerWithinDeliveryTimeout() {
		for (long millis : new long[] { 100, 999, 5000, 120_000 }) {
			Map<String, Object> overrides = AwaitedProducerSettings.forAckTimeout(Duration.ofMillis(millis))
				.overrides();
			int delivery = (int) overrides.get("delivery.timeout.ms");
			int request = (int) overrides.get("request.timeout.ms");
			int linger = (int) overrides.get("linger.ms");
			assertThat(request + linger).isLessThanOrEqualTo(delivery);
		}
	}

	@Test
	void overridesWhenCalledThenACopyTheCallerCannotChange() {
		AwaitedProducerSettings settings = AwaitedProducerSettings.forAckTimeout(Duration.ofSeconds(1));
		assertThat(settings.overrides()).isUnmodifiable();
	}

	@Test
	void describeWhenCalledThenNamesEverySettingAndWhy() {
		String description = AwaitedProducerSettings.forAckTimeout(Duration.ofSeconds(5)).describe();
		assertThat(description).contains("acks=all (", "enable.idempotence=true (", "linger.ms=0 (",
				"delivery.timeout.ms=5000 (", "max.block.ms=5000 (", "request.timeout.ms=3750 (");
		assertThat(description.split("; ")).hasSize(6).allSatisfy((line) -> assertThat(line).matches(".+=.+ \\(.+\\)"));
	}

	@Test
	void forAckTimeoutWhenTooShortThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AwaitedProducerSettings.forAckTimeout(Duration.ofMillis(99)))
			.withMessage("ackTimeout must be at least 100 ms");
	}

	@Test
	void forAckTimeoutWhenNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> AwaitedProducerSettings.forAckTimeout(null))
			.withMessage("ackTimeout must be at least 100 ms");
	}

	@Test
	void overridesWhenLateDeliveryThenDurableBoundedBlockingButDeliveredForTwoMinutes() {
		Map<String, Object> overrides = AwaitedProducerSettings.forLateDelivery(Duration.ofSeconds(2)).overrides();
		assertThat(overrides).containsEntry("acks", "all")
			.containsEntry("enable.idempotence", true)
			.containsEntry("linger.ms", 0)
			.containsEntry("delivery.timeout.ms", 120_000)
			.containsEntry("max.block.ms", 2000L)
			.containsEntry("request.timeout.ms", 1500);
	}

	@Test
	void overridesWhenLateDeliveryAndAnyTimeoutThenRequestTimeoutPlusLingerWithinDeliveryTimeout() {
		for (long millis : new long[] { 100, 5000, 120_000 }) {
			Map<String, Object> overrides = AwaitedProducerSettings.forLateDelivery(Duration.ofMillis(millis))
				.overrides();
			assertThat((int) overrides.get("request.timeout.ms") + 1)
				.isLessThanOrEqualTo((int) overrides.get("delivery.timeout.ms"));
		}
	}

	@Test
	void forLateDeliveryWhenTooShortThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AwaitedProducerSettings.forLateDelivery(Duration.ofMillis(50)))
			.withMessage("ackTimeout must be at least 100 ms");
	}

}
