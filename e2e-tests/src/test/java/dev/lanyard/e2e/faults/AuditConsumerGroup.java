package dev.lanyard.e2e.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What audit's consumer group has committed on the topics it reads, from Kafka. */
final class AuditConsumerGroup {

	private static final String GROUP = "audit";

	private final Map<String, Object> kafka;

	AuditConsumerGroup(Map<String, Object> kafka) {
		this.kafka = kafka;
	}

	/**
	 * Committed offsets, 0 for a partition with none yet (audit reads from the earliest).
	 */
	Map<TopicPartition, Long> committed() throws Exception {
		try (Admin admin = admin()) {
			Map<TopicPartition, Long> ends = endOffsets(admin);
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return ends.keySet()
				.stream()
				.collect(Collectors.toMap((partition) -> partition,
						(partition) -> (committed.get(partition) != null) ? committed.get(partition).offset() : 0L));
		}
	}

	/** Records on audit's topics that its group has not committed yet. */
	long lag(Map<TopicPartition, Long> committed) throws Exception {
		try (Admin admin = admin()) {
			return endOffsets(admin).entrySet()
				.stream()
				.mapToLong((end) -> end.getValue() - committed.getOrDefault(end.getKey(), 0L))
				.sum();
		}
	}

	/**
	 * Sets the group's committed offsets back to {@code offsets}, as if every commit
	 * since had been lost in the crash. Only with audit down: its dead member, which
	 * Kafka keeps until the session times out, is removed first.
	 */
	void rewind(Map<TopicPartition, Long> offsets) throws Exception {
		try (Admin admin = admin()) {
			boolean members = !admin.describeConsumerGroups(List.of(GROUP))
				.all()
				.get(10, TimeUnit.SECONDS)
				.get(GROUP)
				.members()
				.isEmpty();
			if (members) {
				admin.removeMembersFromConsumerGroup(GROUP, new RemoveMembersFromConsumerGroupOptions())
					.all()
					.get(10, TimeUnit.SECONDS);
			}
			admin
				.alterConsumerGroupOffsets(GROUP,
						offsets.entrySet()
							.stream()
							.collect(Collectors.toMap(Map.Entry::getKey,
									(entry) -> new OffsetAndMetadata(entry.getValue()))))
				.all()
				.get(10, TimeUnit.SECONDS);
		}
	}

	private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		List<String> topics = Topics.ALL.stream().map(Topic::name).toList();
		Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics)
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
		return admin.listOffsets(latest)
			.all()
			.get(10, TimeUnit.SECONDS)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

	private Admin admin() {
		Map<String, Object> properties = new java.util.HashMap<>(this.kafka);
		properties.putAll(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000));
		return Admin.create(properties);
	}

}
