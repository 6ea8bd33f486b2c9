package dev.lanyard.audit.trail.domain;

import java.util.List;

/**
 * A page of events, newest first.
 *
 * @param events the events
 * @param next where the next page starts, or {@code null} when this is the last one
 */
public record EventPage(List<StoredEvent> events, Position next) {

	public EventPage {
		events = List.copyOf(Guards.notNull(events, "events"));
	}

}
