package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditQueryTest {

	@Test
	void constructorWhenFilterNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditQuery(null, 10, null))
			.withMessage("filter cannot be null");
	}

	@Test
	void constructorWhenLimitZeroThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditQuery(EventFilter.ALL, 0, null))
			.withMessage("limit must be between 1 and 500");
	}

	@Test
	void constructorWhenLimitAboveMaximumThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditQuery(EventFilter.ALL, 501, null))
			.withMessage("limit must be between 1 and 500");
	}

	@Test
	void filterWhenFromAfterToThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventFilter.builder()
				.from(Instant.parse("2026-01-02T00:00:00Z"))
				.to(Instant.parse("2026-01-01T00:00:00Z"))
				.build())
			.withMessage("from must not be after to");
	}

	@Test
	void filterWhenBlankCriteriaThenAbsent() {
		EventFilter filter = new EventFilter("", " ", "", "", "", Set.of(), "", "", " ", "", "", "", "", "", null,
				null);
		assertThat(filter).isEqualTo(EventFilter.ALL);
	}

	@Test
	void positionWhenEventIdNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Position(Instant.now(), null))
			.withMessage("eventId cannot be null");
	}

}
