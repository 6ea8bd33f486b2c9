package dev.lanyard.audit.trail.adapter.web;

import java.util.List;

import dev.lanyard.audit.trail.domain.EventPage;

/**
 * A page of {@code GET /api/audit/events}.
 *
 * @param events newest first
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 */
record EventPageView(List<EventView> events, String nextCursor) {

	static EventPageView of(EventPage page) {
		return new EventPageView(page.events().stream().map(EventView::of).toList(),
				(page.next() != null) ? CursorCodec.encode(page.next()) : null);
	}

}
