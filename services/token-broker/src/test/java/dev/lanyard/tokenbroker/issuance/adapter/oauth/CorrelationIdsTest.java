package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdsTest {

	@Test
	void ofWhenHeaderWellFormedThenUsesIt() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-Correlation-Id", "abc-123");
		assertThat(CorrelationIds.of(request)).isEqualTo("abc-123");
	}

	@Test
	void ofWhenHeaderMissingThenGeneratesUuid() {
		assertThat(CorrelationIds.of(new MockHttpServletRequest())).hasSize(36);
	}

	@Test
	void ofWhenHeaderTooLongThenGenerates() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-Correlation-Id", "a".repeat(129));
		assertThat(CorrelationIds.of(request)).hasSize(36);
	}

	@Test
	void ofWhenRequestNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> CorrelationIds.of(null))
			.withMessage("request cannot be null");
	}

}
