package dev.lanyard.launcher.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaTopicsTest {

	@Test
	void definitionsWhenBuiltThenEveryTopicAndTheDeadLetterTopic() {
		List<NewTopic> topics = KafkaTopics.definitions(3, (short) 1);
		assertThat(topics).hasSize(Topics.ALL.size() + 1);
		assertThat(topics).extracting(NewTopic::name).contains(Topics.DEAD_LETTER, Topics.TOKEN_ISSUED.name());
		assertThat(topics).allMatch((topic) -> topic.numPartitions() == 3 && topic.replicationFactor() == 1);
	}

	@Test
	void definitionsWhenTopicIsCompactedThenCleanupPolicyCompact() {
		NewTopic userChanged = topic(Topics.USER_CHANGED.name());
		NewTopic tokenIssued = topic(Topics.TOKEN_ISSUED.name());
		assertThat(userChanged.configs()).containsEntry("cleanup.policy", "compact");
		assertThat(tokenIssued.configs()).isEqualTo(Map.of("cleanup.policy", "delete"));
	}

	@Test
	void definitionsWhenTopicIsCompactedThenRecordsStayWholeForSevenDaysBeforeCompaction() {
		for (var compacted : Topics.ALL.stream().filter((topic) -> topic.compacted()).toList()) {
			assertThat(topic(compacted.name()).configs()).as(compacted.name())
				.containsEntry("min.compaction.lag.ms", "604800000");
		}
	}

	@Test
	void definitionsWhenThreeReplicasThenEveryTopicNeedsTwoInSync() {
		List<NewTopic> topics = KafkaTopics.definitions(3, (short) 3);
		assertThat(topics).allSatisfy((topic) -> {
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
		NewTopic userChanged = topics.stream()
			.filter((topic) -> topic.name().equals(Topics.USER_CHANGED.name()))
			.findFirst()
			.orElseThrow();
		assertThat(userChanged.configs()).containsEntry("cleanup.policy", "compact");
	}

	@Test
	void definitionsWhenPartitionsZeroThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaTopics.definitions(0, (short) 1))
			.withMessageContaining("partitions");
	}

	private static NewTopic topic(String name) {
		return KafkaTopics.definitions(3, (short) 1)
			.stream()
			.filter((topic) -> topic.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
