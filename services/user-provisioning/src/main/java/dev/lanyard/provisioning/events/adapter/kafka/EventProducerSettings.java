package dev.lanyard.provisioning.events.adapter.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings this service overrides, and why. A sign-in or admin request
 * commits only after its events are acknowledged, so the producer must acknowledge
 * durably, fast, and give up no later than the caller waits.
 */
public final class EventProducerSettings {

	private final Map<String, Object> overrides = new LinkedHashMap<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	private EventProducerSettings(Duration ackTimeout) {
		long timeout = ackTimeout.toMillis();
		put(ProducerConfig.ACKS_CONFIG, "all", "every in-sync replica has an event before its change commits");
		put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, "retries never write an event twice");
		put(ProducerConfig.LINGER_MS_CONFIG, 1, "the caller waits for its sends; Kafka 4's default of 5 ms adds ~4 ms");
		put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout,
				"an event whose change was rolled back is not delivered later (events.ack-timeout)");
		put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout, "send() blocks no longer than the caller may wait");
		put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout * 3 / 4),
				"must stay below delivery.timeout.ms minus linger.ms");
	}

	/**
	 * Overrides for a producer whose sends are awaited for at most {@code ackTimeout}.
	 */
	public static EventProducerSettings forAckTimeout(Duration ackTimeout) {
		if (ackTimeout == null || ackTimeout.toMillis() < 100) {
			throw new IllegalArgumentException("ackTimeout must be at least 100 ms");
		}
		return new EventProducerSettings(ackTimeout);
	}

	public Map<String, Object> overrides() {
		return Map.copyOf(this.overrides);
	}

	/** One line for the start-up log: each overridden setting, its value, and why. */
	public String describe() {
		return this.overrides.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue() + " (" + this.reasons.get(e.getKey()) + ")")
			.collect(Collectors.joining("; "));
	}

	private void put(String key, Object value, String reason) {
		this.overrides.put(key, value);
		this.reasons.put(key, reason);
	}

}
