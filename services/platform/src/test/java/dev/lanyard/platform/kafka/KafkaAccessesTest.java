package dev.lanyard.platform.kafka;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaAccessesTest {

	@Test
	void allWhenDeclaredThenEveryTopicHasExactlyOneOwner() {
		List<Topic<?>> owned = KafkaAccesses.ALL.stream().flatMap((access) -> access.produces().stream()).toList();
		assertThat(owned).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Topics.ALL);
	}

	@Test
	void allWhenDeclaredThenAuditReadsEveryTopicAndOwnsNone() {
		assertThat(KafkaAccesses.AUDIT.reads()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
		assertThat(KafkaAccesses.AUDIT.produces()).isEmpty();
	}

	@Test
	void writesDeadLettersWhenServiceConsumesNothingThenFalse() {
		assertThat(KafkaAccesses.INTEGRATION_REGISTRY.writesDeadLetters()).isFalse();
		assertThat(KafkaAccesses.TOKEN_BROKER.writesDeadLetters()).isTrue();
	}

	@Test
	void consumerGroupPrefixWhenAnyServiceThenNoPrefixIsAnotherServicesPrefix() {
		for (KafkaAccess one : KafkaAccesses.ALL) {
			for (KafkaAccess other : KafkaAccesses.ALL) {
				if (one != other) {
					assertThat(other.consumerGroupPrefix()).doesNotStartWith(one.consumerGroupPrefix());
				}
			}
		}
	}

	@Test
	void ofWhenUnknownPrincipalThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccesses.of("stranger"))
			.withMessage("No Kafka access is declared for stranger");
	}

	@Test
	void constructorWhenPrincipalNotAServiceNameThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaAccess("User:x", List.of(), List.of()))
			.withMessageContaining("principal must be a lower-case service name");
	}

}
