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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.lanyard.launcher.process.Waits;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

/**
 * Creates every Lanyard topic ({@code Topics.ALL}, with {@code Topic.configs()}: snapshot
 * topics compacted, never before {@code Topic.COMPACTION_LAG}) and the dead-letter topic.
 * Existing topics get the same settings; their partitions are left as they are. With
 * three replicas or more a topic takes {@code min.insync.replicas=2}: an {@code acks=all}
 * write is acknowledged once two replicas hold it, and refused (NotEnoughReplicas) while
 * fewer are in sync.
 */
public final class KafkaTopics {

	/** In-sync replicas of a topic with three replicas or more. */
	static final int MIN_INSYNC_REPLICAS = 2;

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
		Map<String, String> replication = (replicationFactor >= 3)
				? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(MIN_INSYNC_REPLICAS)) : Map.of();
		List<NewTopic> topics = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			Map<String, String> configs = new HashMap<>(replication);
			configs.putAll(topic.configs());
			topics.add(withConfigs(new NewTopic(topic.name(), partitions, replicationFactor), configs));
		}
		topics.add(withConfigs(new NewTopic(Topics.DEAD_LETTER, partitions, replicationFactor), replication));
		return topics;
	}

	private static NewTopic withConfigs(NewTopic topic, Map<String, String> configs) {
		// none: the broker's defaults, as before there were clusters
		return configs.isEmpty() ? topic : topic.configs(Map.copyOf(configs));
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
