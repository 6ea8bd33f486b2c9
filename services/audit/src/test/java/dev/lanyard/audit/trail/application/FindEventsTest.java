package dev.lanyard.audit.trail.application;

import java.util.UUID;
import java.util.stream.IntStream;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.domain.AuditQuery;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.EventPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FindEventsTest {

	private final FakeAuditTrail trail = new FakeAuditTrail();

	private final FindEvents findEvents = new FindEvents(this.trail);

	@Test
	void constructorWhenTrailNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FindEvents(null)).withMessage("trail cannot be null");
	}

	@Test
	void findWhenQueryNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.findEvents.find(null))
			.withMessage("query cannot be null");
	}

	@Test
	void findWhenMoreThanLimitThenPageAndNextPositionOfItsLastEvent() {
		store(5);
		EventPage page = this.findEvents.find(new AuditQuery(EventFilter.ALL, 2, null));
		assertThat(page.events()).hasSize(2);
		assertThat(page.next()).isEqualTo(page.events().getLast().event().position());
	}

	@Test
	void findWhenExactlyLimitLeftThenNoNext() {
		store(2);
		EventPage page = this.findEvents.find(new AuditQuery(EventFilter.ALL, 2, null));
		assertThat(page.events()).hasSize(2);
		assertThat(page.next()).isNull();
	}

	@Test
	void findWhenFollowingNextThenEveryEventOnceNewestFirst() {
		store(5);
		EventPage first = this.findEvents.find(new AuditQuery(EventFilter.ALL, 2, null));
		EventPage second = this.findEvents.find(new AuditQuery(EventFilter.ALL, 2, first.next()));
		EventPage third = this.findEvents.find(new AuditQuery(EventFilter.ALL, 2, second.next()));
		assertThat(third.next()).isNull();
		assertThat(first.events().size() + second.events().size() + third.events().size()).isEqualTo(5);
		assertThat(first.events().getLast().event().occurredAt())
			.isAfterOrEqualTo(second.events().getFirst().event().occurredAt());
	}

	private void store(int count) {
		this.trail.append(IntStream.range(0, count)
			.mapToObj((i) -> TestEvents
				.incoming(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW.plusSeconds(i % 3)), i))
			.toList());
	}

}
