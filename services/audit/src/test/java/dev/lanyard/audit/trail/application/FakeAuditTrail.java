package dev.lanyard.audit.trail.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.Position;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.TestEvents;

/** An in-memory trail that can be told to refuse certain events or to be down. */
public final class FakeAuditTrail implements AuditTrail {

	private final Map<UUID, StoredEvent> events = new LinkedHashMap<>();

	private final List<Integer> appendSizes = new ArrayList<>();

	private Predicate<IncomingEvent> refused = (event) -> false;

	private boolean down;

	public void refuse(Predicate<IncomingEvent> refused) {
		this.refused = refused;
	}

	public void down(boolean down) {
		this.down = down;
	}

	public List<Integer> appendSizes() {
		return this.appendSizes;
	}

	public Map<UUID, StoredEvent> events() {
		return this.events;
	}

	@Override
	public void append(List<IncomingEvent> batch) {
		this.appendSizes.add(batch.size());
		if (this.down) {
			throw new TrailUnavailableException("down", null);
		}
		if (batch.stream().anyMatch(this.refused)) {
			throw new EventRejectedException("The audit store refused the event: SQLSTATE 22021", null);
		}
		batch.forEach((incoming) -> this.events.putIfAbsent(incoming.event().eventId(),
				new StoredEvent(incoming.event(), TestEvents.NOW)));
	}

	@Override
	public List<StoredEvent> find(EventFilter filter, Position after, int limit) {
		Comparator<StoredEvent> newestFirst = Comparator.comparing((StoredEvent stored) -> stored.event().occurredAt())
			.thenComparing((stored) -> stored.event().eventId())
			.reversed();
		return this.events.values()
			.stream()
			.filter((stored) -> after == null || newestFirst.compare(stored, at(after)) > 0)
			.sorted(newestFirst)
			.limit(limit)
			.toList();
	}

	@Override
	public long stream(EventFilter filter, Consumer<StoredEvent> sink) {
		List<StoredEvent> all = find(filter, null, Integer.MAX_VALUE);
		all.forEach(sink);
		return all.size();
	}

	private static StoredEvent at(Position position) {
		return new StoredEvent(TestEvents.auditEvent(position.eventId(), position.occurredAt()), TestEvents.NOW);
	}

}
