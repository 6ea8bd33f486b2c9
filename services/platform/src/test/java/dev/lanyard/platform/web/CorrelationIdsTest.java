package dev.lanyard.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdsTest {

	@Test
	void acceptOrNewWhenWellFormedThenKeepsIt() {
		assertThat(CorrelationIds.acceptOrNew("abc-123:x.y_z", () -> "new")).isEqualTo("abc-123:x.y_z");
	}

	// token-broker and user-provisioning took these, the gateway and integration-registry
	// replaced them: one id now means the same everywhere
	@Test
	void acceptOrNewWhenBase64ThenKeepsIt() {
		assertThat(CorrelationIds.acceptOrNew("dGVzdA/+x==", () -> "new")).isEqualTo("dGVzdA/+x==");
	}

	@Test
	void acceptOrNewWhenMissingThenNew() {
		assertThat(CorrelationIds.acceptOrNew(null, () -> "new")).isEqualTo("new");
	}

	@Test
	void acceptOrNewWhenControlCharactersOrSpacesThenNew() {
		assertThat(CorrelationIds.acceptOrNew("bad id\twith tabs", () -> "new")).isEqualTo("new");
		assertThat(CorrelationIds.acceptOrNew("line\nbreak", () -> "new")).isEqualTo("new");
		assertThat(CorrelationIds.acceptOrNew("\"quoted\"", () -> "new")).isEqualTo("new");
	}

	@Test
	void acceptOrNewWhenTooLongThenNew() {
		assertThat(CorrelationIds.acceptOrNew("a".repeat(128), () -> "new")).hasSize(128);
		assertThat(CorrelationIds.acceptOrNew("a".repeat(129), () -> "new")).isEqualTo("new");
	}

	@Test
	void acceptOrNewWhenEmptyThenNew() {
		assertThat(CorrelationIds.acceptOrNew("", () -> "new")).isEqualTo("new");
	}

	@Test
	void acceptOrNewWithoutGeneratorThenRandomUuid() {
		assertThat(CorrelationIds.acceptOrNew(null)).hasSize(36).isNotEqualTo(CorrelationIds.acceptOrNew(null));
	}

	@Test
	void acceptOrNewWhenGeneratorNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> CorrelationIds.acceptOrNew("x", null))
			.withMessage("newId cannot be null");
	}

}
