package dev.lanyard.tokenbroker.issuance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;

/**
 * Keeps a flood of identical denials from flooding the audit trail while every one is
 * still counted. The first denial of a kind (same subject, actor, content, integration,
 * scopes, grant, error and reason) is recorded at once; identical ones within the window
 * are held back and counted; when the window is over ({@link #flushExpired()}, run on a
 * schedule, or the next identical denial), one summary record carries their number as its
 * {@code repeatCount}. The sum of {@code repeatCount} over the records is the number of
 * denials. Counts held back live in memory for at most a window (a crash loses them).
 */
public final class AggregatingDenialRecorder implements DenialRecorder {

	private static final Logger log = LoggerFactory.getLogger(AggregatingDenialRecorder.class);

	private final DenialRecorder delegate;

	private final Duration window;

	private final int maximumKinds;

	private final Clock clock;

	private final Map<String, Window> windows = new HashMap<>();

	private static final class Window {

		private final Instant start;

		private CredentialDenial last;

		private int heldBack;

		private Window(Instant start, CredentialDenial first) {
			this.start = start;
			this.last = first;
		}

	}

	public AggregatingDenialRecorder(DenialRecorder delegate, Duration window, int maximumKinds, Clock clock) {
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		if (maximumKinds < 1) {
			throw new IllegalArgumentException("maximumKinds must be at least 1");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.delegate = delegate;
		this.window = window;
		this.maximumKinds = maximumKinds;
		this.clock = clock;
	}

	@Override
	public void record(CredentialDenial denial) throws AuditTrailUnavailableException {
		Instant now = this.clock.instant();
		String key = denial.aggregationKey();
		CredentialDenial summary = null;
		synchronized (this.windows) {
			Window current = this.windows.get(key);
			if (current != null && now.isBefore(current.start.plus(this.window))) {
				current.heldBack++;
				current.last = denial;
				return;
			}
			if (current != null && current.heldBack > 0) {
				summary = summaryOf(current, now);
			}
			if (this.windows.size() < this.maximumKinds || current != null) {
				this.windows.put(key, new Window(now, denial));
			}
		}
		if (summary != null) {
			this.delegate.record(summary);
		}
		this.delegate.record(denial);
	}

	/** Records the summary of every window that is over and forgets those windows. */
	public void flushExpired() {
		Instant now = this.clock.instant();
		List<CredentialDenial> summaries = new ArrayList<>();
		synchronized (this.windows) {
			Iterator<Window> windows = this.windows.values().iterator();
			while (windows.hasNext()) {
				Window window = windows.next();
				if (!now.isBefore(window.start.plus(this.window))) {
					if (window.heldBack > 0) {
						summaries.add(summaryOf(window, now));
					}
					windows.remove();
				}
			}
		}
		for (CredentialDenial summary : summaries) {
			try {
				this.delegate.record(summary);
			}
			catch (AuditTrailUnavailableException ex) {
				// the record may still arrive; the counts are not kept twice
				log.warn("Summary of {} held-back denials ({}) not acknowledged in time", summary.repeatCount(),
						summary.reason());
			}
		}
	}

	private static CredentialDenial summaryOf(Window window, Instant now) {
		return window.last.summary(Ids.uuid(), now, window.heldBack);
	}

}
