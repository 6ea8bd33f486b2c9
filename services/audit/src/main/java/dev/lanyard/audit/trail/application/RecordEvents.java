package dev.lanyard.audit.trail.application;

import java.util.List;

import dev.lanyard.audit.trail.domain.IncomingEvent;

/**
 * Puts a batch of events into the trail, each exactly once. Should the store refuse the
 * batch for one event's content, the batch is stored one by one to find that event, so
 * that the events before it are kept and only it is reported.
 */
public final class RecordEvents {

	private final AuditTrail trail;

	public RecordEvents(AuditTrail trail) {
		if (trail == null) {
			throw new IllegalArgumentException("trail cannot be null");
		}
		this.trail = trail;
	}

	/**
	 * @param events the batch, in the order read
	 * @return what became of it
	 * @throws TrailUnavailableException when a retry may help; nothing after the failure
	 * was stored
	 */
	public RecordOutcome record(List<IncomingEvent> events) {
		if (events == null) {
			throw new IllegalArgumentException("events cannot be null");
		}
		if (events.isEmpty()) {
			return new RecordOutcome.Recorded(0);
		}
		try {
			this.trail.append(events);
			return new RecordOutcome.Recorded(events.size());
		}
		catch (EventRejectedException batchRefused) {
			return recordOneByOne(events);
		}
	}

	private RecordOutcome recordOneByOne(List<IncomingEvent> events) {
		for (int i = 0; i < events.size(); i++) {
			try {
				this.trail.append(List.of(events.get(i)));
			}
			catch (EventRejectedException ex) {
				return new RecordOutcome.Rejected(i, ex.getMessage());
			}
		}
		return new RecordOutcome.Recorded(events.size());
	}

}
