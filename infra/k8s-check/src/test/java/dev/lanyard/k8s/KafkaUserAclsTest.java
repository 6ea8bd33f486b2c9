package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.KafkaAccess;
import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaUserAclsTest {

	@Test
	void ownerlessWhenEveryTopicOfTopicsHasAProducerThenEmpty() {
		assertThat(KafkaUserAcls.ownerless(Topics.ALL, KafkaAccesses.ALL)).isEmpty();
	}

	@Test
	void ownerlessWhenATopicIsAddedWithoutProducerThenNamesIt() {
		Topic<TokenIssued> added = new Topic<>("lanyard.credentials.token-renewed.v1", TokenIssued.class, false);
		List<Topic<?>> topics = new ArrayList<>(Topics.ALL);
		topics.add(added);
		assertThat(KafkaUserAcls.ownerless(topics, KafkaAccesses.ALL)).containsExactly(added.name());
	}

	@Test
	void ofWhenIntegrationRegistryThenWritesItsTopicOnlyAndJoinsNoGroup() {
		assertThat(KafkaUserAcls.of(KafkaAccesses.INTEGRATION_REGISTRY))
			.containsExactly("topic:literal:lanyard.integrations.integration-changed.v1:Write");
	}

	@Test
	void ofWhenAuditThenReadsEveryTopicWithItsGroupPrefixAndWritesOnlyDeadLetters() {
		assertThat(KafkaUserAcls.of(KafkaAccesses.AUDIT)).filteredOn((acl) -> acl.endsWith(":Write"))
			.containsExactly("topic:literal:" + Topics.DEAD_LETTER + ":Write");
		assertThat(KafkaUserAcls.of(KafkaAccesses.AUDIT)).filteredOn((acl) -> acl.endsWith(":Read"))
			.hasSize(Topics.ALL.size() + 1)
			.contains("group:prefix:audit:Read");
	}

	@Test
	void ofWhenAccessChangesThenExpectedAclsFollowIt() {
		KafkaAccess narrower = new KafkaAccess("token-broker", List.of(Topics.TOKEN_ISSUED), List.of());
		assertThat(KafkaUserAcls.of(narrower))
			.containsExactly("topic:literal:lanyard.credentials.token-issued.v1:Write");
	}

	@Test
	void allWhenDeclaredThenEveryPrincipalIsADeployedService() {
		assertThat(KafkaAccesses.ALL).extracting(KafkaAccess::principal)
			.containsExactlyInAnyOrderElementsOf(K8sObjects.SERVICES);
	}

}
