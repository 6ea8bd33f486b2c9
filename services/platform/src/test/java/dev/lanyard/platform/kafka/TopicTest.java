package dev.lanyard.platform.kafka;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.schemas.EventSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicTest {

	@Test
	void constructorWhenNameNotLanyardPatternThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Topic<>("token-issued", TokenIssued.class, false))
			.withMessageContaining("lanyard.<domain>.<event>.v<N>");
	}

	@Test
	void constructorWhenValueTypeNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Topic<TokenIssued>("lanyard.credentials.token-issued.v1", null, false))
			.withMessage("valueType cannot be null");
	}

	@Test
	void allWhenListedThenEachHasACommittedSchemaAndAUniqueName() {
		assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
		assertThat(Topics.ALL).extracting(Topic::schemaName).containsExactlyInAnyOrderElementsOf(EventSchemas.NAMES);
		assertThat(Topics.TOKEN_ISSUED.valueSubject()).isEqualTo("lanyard.credentials.token-issued.v1-value");
	}

	@Test
	void configsWhenCompactedThenNoRecordCompactedBeforeSevenDays() {
		assertThat(Topics.USER_CHANGED.configs()).containsEntry("cleanup.policy", "compact")
			.containsEntry("min.compaction.lag.ms", "604800000");
		assertThat(Topics.TOKEN_ISSUED.configs())
			.containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "delete"));
	}

}
