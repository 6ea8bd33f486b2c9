package dev.lanyard.platform.kafka;

import java.util.Map;

import org.slf4j.Logger;

/**
 * A Kafka client setting a service puts over {@code spring.kafka.*}, and why: as Kafka's
 * own clients do, an override that changes a configured value is logged with its reason.
 *
 * @param key the client property
 * @param value its value
 * @param reason why it is overridden, in words fit for a log line
 */
public record ClientSetting(String key, Object value, String reason) {

	public ClientSetting {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("key cannot be blank");
		}
		if (value == null) {
			throw new IllegalArgumentException("value cannot be null");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason cannot be blank");
		}
	}

	/**
	 * Puts this setting into {@code properties}, logging when it replaces another value.
	 */
	public void applyTo(Map<String, Object> properties, Logger log) {
		if (properties == null) {
			throw new IllegalArgumentException("properties cannot be null");
		}
		if (log == null) {
			throw new IllegalArgumentException("log cannot be null");
		}
		Object configured = properties.put(this.key, this.value);
		if (configured != null && !String.valueOf(configured).equals(String.valueOf(this.value))) {
			log.info("Overriding {}={} with {}: {}", this.key, configured, this.value, this.reason);
		}
	}

}
