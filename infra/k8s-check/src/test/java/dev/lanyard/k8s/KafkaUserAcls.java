package dev.lanyard.k8s;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.lanyard.platform.kafka.KafkaAccess;
import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

/**
 * The ACLs a Strimzi KafkaUser must carry, derived from platform's {@link KafkaAccesses}
 * by the same rule the launcher's {@code KafkaAcls} and compose's {@code acls.txt}
 * follow, so the three cannot disagree: Write on the topics it owns, Read on those it
 * reads, Read on consumer groups starting with its name, Write on dead letters when it
 * consumes. No explicit Describe: Kafka implies it from Read and Write.
 */
final class KafkaUserAcls {

	private KafkaUserAcls() {
	}

	/** Topics of {@code topics} no access declares a producer for. */
	static Set<String> ownerless(List<Topic<?>> topics, List<KafkaAccess> accesses) {
		Set<String> ownerless = new TreeSet<>();
		topics.stream()
			.filter((topic) -> accesses.stream().noneMatch((access) -> access.produces().contains(topic)))
			.map(Topic::name)
			.forEach(ownerless::add);
		return ownerless;
	}

	/** The ACLs of {@code access}, each as {@code type:patternType:name:Operation}. */
	static Set<String> of(KafkaAccess access) {
		Set<String> acls = new TreeSet<>();
		access.produces().forEach((topic) -> acls.add("topic:literal:" + topic.name() + ":Write"));
		access.reads().forEach((topic) -> acls.add("topic:literal:" + topic.name() + ":Read"));
		if (!access.reads().isEmpty()) {
			acls.add("group:prefix:" + access.consumerGroupPrefix() + ":Read");
		}
		if (access.writesDeadLetters()) {
			acls.add("topic:literal:" + Topics.DEAD_LETTER + ":Write");
		}
		return acls;
	}

}
