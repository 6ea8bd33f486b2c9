package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditEventTest {

	private static final UUID ID = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void constructorWhenEventIdNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent(null, "TokenIssued", AT, "c", "p", null, null, null, null, null))
			.withMessage("eventId cannot be null");
	}

	@Test
	void constructorWhenEventTypeBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent(ID, " ", AT, "c", "p", null, null, null, null, null))
			.withMessage("eventType cannot be blank");
	}

	@Test
	void constructorWhenOccurredAtNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent(ID, "TokenIssued", null, "c", "p", null, null, null, null, null))
			.withMessage("occurredAt cannot be null");
	}

	@Test
	void constructorWhenCorrelationIdNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent(ID, "TokenIssued", AT, null, "p", null, null, null, null, null))
			.withMessage("correlationId cannot be null");
	}

	@Test
	void constructorWhenProducerBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent(ID, "TokenIssued", AT, "c", "", null, null, null, null, null))
			.withMessage("producer cannot be blank");
	}

	@Test
	void constructorWhenOptionalIdsBlankThenAbsent() {
		AuditEvent event = new AuditEvent(ID, "TokenIssued", AT, "c", "p", " ", null, "", "", null);
		assertThat(event.actorId()).isNull();
		assertThat(event.contentId()).isNull();
		assertThat(event.integrationId()).isNull();
	}

	@Test
	void positionWhenCalledThenOccurredAtAndEventId() {
		AuditEvent event = new AuditEvent(ID, "TokenIssued", AT, "c", "p", null, null, null, null, null);
		assertThat(event.position()).isEqualTo(new Position(AT, ID));
	}

	@Test
	void subjectWhenIdBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Subject("", "user"))
			.withMessage("id cannot be blank");
	}

	@Test
	void subjectWhenTypeNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Subject("u-1", null))
			.withMessage("type cannot be blank");
	}

	@Test
	void eventSourceWhenPartitionNegativeThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventSource("t", -1, 0))
			.withMessage("partition cannot be negative");
	}

	@Test
	void eventSourceWhenOffsetNegativeThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventSource("t", 0, -1))
			.withMessage("offset cannot be negative");
	}

	@Test
	void tokenFactsWhenListsNullThenAbsent() {
		TokenFacts token = new TokenFacts("content-session", "jti", null, null, null, null, null);
		assertThat(token.scopes()).isNull();
		assertThat(token.audience()).isNull();
	}

}
