package dev.lanyard.launcher.registry;

import java.time.Duration;
import java.util.function.Consumer;

import dev.lanyard.launcher.process.Waits;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.schemas.EventSchemas;

/**
 * Registers the value schema of every topic under its subject ({@code <topic>-value})
 * through the Confluent-compatible API and makes each subject BACKWARD_TRANSITIVE. The
 * registry keeps ccompat subjects as artifacts of the group {@code default}, which is
 * where the Apicurio serdes look them up.
 */
public final class SchemaRegistration {

	public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

	private SchemaRegistration() {
	}

	/** Registers them at a registry open to anyone. */
	public static void registerAll(String registryUrl, Duration timeout, Consumer<String> progress) {
		registerAll(registryUrl, timeout, null, progress);
	}

	/**
	 * Registers them with tokens of {@code writeAccess}; null sends no token (an open
	 * registry).
	 */
	public static void registerAll(String registryUrl, Duration timeout, RegistryWriteAccess writeAccess,
			Consumer<String> progress) {
		RegistryClient client = new RegistryClient(registryUrl,
				(writeAccess != null) ? writeAccess::bearerToken : null);
		Waits.until("Apicurio Registry at " + registryUrl + " to answer", timeout, null, client::answers);
		for (Topic<?> topic : Topics.ALL) {
			int id = client.registerSchema(topic.valueSubject(), EventSchemas.text(topic.schemaName()));
			client.setCompatibility(topic.valueSubject(), COMPATIBILITY);
			progress.accept("Registered " + topic.schemaName() + " as " + topic.valueSubject() + " (id " + id + ")");
		}
	}

}
