package dev.lanyard.audit.trail.application;

import java.util.List;
import java.util.function.Consumer;

import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.Position;
import dev.lanyard.audit.trail.domain.StoredEvent;

/** Where the trail is kept. */
public interface AuditTrail {

	/**
	 * Stores the events, each at most once: an event whose id is already there is left as
	 * it is. All or none of them are stored.
	 * @param events the events
	 * @throws TrailUnavailableException when the store cannot be reached or fails in a
	 * way a retry may cure
	 * @throws EventRejectedException when the store refuses an event's content
	 */
	void append(List<IncomingEvent> events);

	/**
	 * Events matching the filter, newest first, starting after a position.
	 * @param filter which events
	 * @param after where to start, or {@code null} for the newest
	 * @param limit at most this many
	 * @return the events
	 * @throws TrailUnavailableException when the store cannot be reached
	 */
	List<StoredEvent> find(EventFilter filter, Position after, int limit);

	/**
	 * Hands every event matching the filter to the sink, newest first, reading a bounded
	 * number of rows at a time so that memory does not grow with the result.
	 * @param filter which events
	 * @param sink receives each event as it is read; an exception it throws ends the
	 * stream and is passed on
	 * @return how many events were handed over
	 * @throws TrailUnavailableException when the store cannot be reached
	 */
	long stream(EventFilter filter, Consumer<StoredEvent> sink);

}
