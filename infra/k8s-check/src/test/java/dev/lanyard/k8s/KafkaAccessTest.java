package dev.lanyard.k8s;

import java.util.List;
import java.util.Map;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAccessTest {

	@Test
	void ownerlessWhenEveryTopicOfTopicsHasAProducerThenEmpty() {
		assertThat(KafkaAccess.ownerless()).isEmpty();
	}

	@Test
	void ownerlessWhenATopicIsAddedWithoutProducerThenNamesIt() {
		Topic<TokenIssued> added = new Topic<>("lanyard.credentials.token-renewed.v1", TokenIssued.class, false);
		List<Topic<?>> topics = new java.util.ArrayList<>(Topics.ALL);
		topics.add(added);
		assertThat(KafkaAccess.ownerless(topics, KafkaAccess.PRODUCER)).containsExactly(added.name());
	}

	@Test
	void aclsWhenIntegrationRegistryThenWritesItsTopicOnlyAndJoinsNoGroup() {
		assertThat(KafkaAccess.acls("integration-registry")).containsExactlyInAnyOrder(
				"topic:literal:lanyard.integrations.integration-changed.v1:Write",
				"topic:literal:lanyard.integrations.integration-changed.v1:Describe");
	}

	@Test
	void aclsWhenAuditThenReadsEveryTopicAndWritesOnlyDeadLetters() {
		assertThat(KafkaAccess.acls("audit")).filteredOn((acl) -> acl.endsWith(":Write"))
			.containsExactly("topic:literal:" + Topics.DEAD_LETTER + ":Write");
		assertThat(KafkaAccess.acls("audit")).filteredOn((acl) -> acl.endsWith(":Read")).hasSize(Topics.ALL.size() + 1);
	}

	@Test
	void producerWhenEveryEntryThenAKnownService() {
		assertThat(Map.copyOf(KafkaAccess.PRODUCER).values()).allMatch(K8sObjects.SERVICES::contains);
	}

}
