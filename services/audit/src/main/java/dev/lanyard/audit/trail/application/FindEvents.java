package dev.lanyard.audit.trail.application;

import java.util.List;
import java.util.function.Consumer;

import dev.lanyard.audit.trail.domain.AuditQuery;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.EventPage;
import dev.lanyard.audit.trail.domain.StoredEvent;

/**
 * Answers an auditor's search one page at a time, or all at once as a stream; newest
 * first.
 */
public final class FindEvents {

	private final AuditTrail trail;

	public FindEvents(AuditTrail trail) {
		if (trail == null) {
			throw new IllegalArgumentException("trail cannot be null");
		}
		this.trail = trail;
	}

	public EventPage find(AuditQuery query) {
		if (query == null) {
			throw new IllegalArgumentException("query cannot be null");
		}
		// One row more than asked tells whether another page exists.
		List<StoredEvent> rows = this.trail.find(query.filter(), query.after(), query.limit() + 1);
		if (rows.size() <= query.limit()) {
			return new EventPage(rows, null);
		}
		List<StoredEvent> page = rows.subList(0, query.limit());
		return new EventPage(page, page.getLast().event().position());
	}

	/**
	 * Every event matching the filter, for an export, in memory that does not grow with
	 * the result.
	 * @param filter which events
	 * @param sink receives each event in order
	 * @return how many there were
	 */
	public long stream(EventFilter filter, Consumer<StoredEvent> sink) {
		if (filter == null) {
			throw new IllegalArgumentException("filter cannot be null");
		}
		if (sink == null) {
			throw new IllegalArgumentException("sink cannot be null");
		}
		return this.trail.stream(filter, sink);
	}

}
