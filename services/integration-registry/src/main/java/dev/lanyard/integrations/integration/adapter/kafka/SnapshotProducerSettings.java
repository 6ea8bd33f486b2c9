package dev.lanyard.integrations.integration.adapter.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings the IntegrationChanged producer overrides, and why. An
 * administrator's change waits for its snapshot's acknowledgement inside the database
 * transaction, so the producer must acknowledge durably and give up no later than the
 * change does; a snapshot whose change was rolled back must not arrive later.
 */
public final class SnapshotProducerSettings {

	private final Map<String, Object> overrides = new LinkedHashMap<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	private SnapshotProducerSettings(Duration ackTimeout) {
		long timeout = ackTimeout.toMillis();
		put(ProducerConfig.ACKS_CONFIG, "all", "every in-sync replica has the snapshot before the change commits");
		put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, "retries never write a snapshot twice or out of order");
		put(ProducerConfig.LINGER_MS_CONFIG, 0, "a request waits for each send; batching only adds latency here");
		put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout,
				"a snapshot of a rolled-back change is not delivered later (publish-ack-timeout)");
		put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout, "send() blocks no longer than the change may wait");
		put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout * 3 / 4),
				"must stay below delivery.timeout.ms minus linger.ms");
	}

	/**
	 * Overrides for a producer whose sends are awaited for at most {@code ackTimeout}.
	 */
	public static SnapshotProducerSettings forAckTimeout(Duration ackTimeout) {
		if (ackTimeout == null || ackTimeout.toMillis() < 100) {
			throw new IllegalArgumentException("ackTimeout must be at least 100 ms");
		}
		return new SnapshotProducerSettings(ackTimeout);
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
