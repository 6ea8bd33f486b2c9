package dev.lanyard.e2e.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many TokenIssued records the ensemble's topic holds: a benchmark compares the
 * growth with the tokens it was answered.
 */
final class TokenIssuedRecords {

	private static final String TOPIC = Topics.TOKEN_ISSUED.name();

	private TokenIssuedRecords() {
	}

	/** Sum of the end offsets of the TokenIssued topic's partitions. */
	static long count(Ensemble ensemble) throws Exception {
		try (Admin admin = Admin.create(ensemble.endpoints().kafkaClientProperties())) {
			Set<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get()
				.get(TOPIC)
				.partitions()
				.stream()
				.map((p) -> new TopicPartition(TOPIC, p.partition()))
				.collect(Collectors.toSet());
			return admin
				.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
				.all()
				.get()
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
	}

}
