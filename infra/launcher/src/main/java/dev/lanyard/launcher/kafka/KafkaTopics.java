package dev.lanyard.launcher.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.lanyard.launcher.process.Waits;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

/**
 * Creates every Lanyard topic ({@code Topics.ALL}, with {@code Topic.configs()}: snapshot
 * topics compacted, never before {@code Topic.COMPACTION_LAG}) and the dead-letter topic.
 * Existing topics get the same settings; their partitions are left as they are.
 */
public final class KafkaTopics {

	private KafkaTopics() {
	}

	/** The topics to create, with their settings. */
	public static List<NewTopic> definitions(int partitions, short replicationFactor) {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1");
		}
		if (replicationFactor < 1) {
			throw new IllegalArgumentException("replicationFactor must be at least 1");
		}
		List<NewTopic> topics = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			topics.add(new NewTopic(topic.name(), partitions, replicationFactor).configs(topic.configs()));
		}
		topics.add(new NewTopic(Topics.DEAD_LETTER, partitions, replicationFactor));
		return topics;
	}

	/** Creates the missing topics, retrying while the cluster is still coming up. */
	public static void create(String bootstrapServers, int partitions, short replicationFactor, Duration timeout) {
		create(bootstrapServers, Map.of(), partitions, replicationFactor, timeout);
	}

	/**
	 * Creates the missing topics as a client with {@code security} settings (the
	 * administrator's on a secured broker).
	 */
	public static void create(String bootstrapServers, Map<String, Object> security, int partitions,
			short replicationFactor, Duration timeout) {
		List<NewTopic> wanted = definitions(partitions, replicationFactor);
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = KafkaReadiness.admin(bootstrapServers, security)) {
			while (true) {
				try {
					createMissing(admin, wanted);
					applyConfigs(admin, wanted);
					return;
				}
				catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								"Cannot create the topics at " + bootstrapServers + ": " + rootMessage(ex), ex);
					}
					Waits.sleep(Duration.ofMillis(500));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while creating topics", ex);
				}
			}
		}
	}

	private static void createMissing(Admin admin, List<NewTopic> wanted)
			throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
		Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
		List<NewTopic> missing = wanted.stream().filter((topic) -> !existing.contains(topic.name())).toList();
		if (missing.isEmpty()) {
			return;
		}
		try {
			admin.createTopics(missing).all().get(20, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
			createMissing(admin, wanted);
		}
	}

	// Topics created by an older launcher get today's settings too (a state directory
	// outlives launcher versions): above all the compaction lag, without which the
	// cleaner may remove records audit has not read yet.
	private static void applyConfigs(Admin admin, List<NewTopic> wanted)
			throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
		Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
		for (NewTopic topic : wanted) {
			if (topic.configs() != null && !topic.configs().isEmpty()) {
				changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
						topic.configs()
							.entrySet()
							.stream()
							.map((entry) -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
									AlterConfigOp.OpType.SET))
							.toList());
			}
		}
		admin.incrementalAlterConfigs(changes).all().get(20, TimeUnit.SECONDS);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
