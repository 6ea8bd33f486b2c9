package dev.lanyard.audit.trail.domain;

import java.time.Instant;

/**
 * Which events a query selects; every absent ({@code null}) criterion matches all.
 *
 * @param subjectId exact subject id
 * @param contentId exact content id
 * @param integrationId exact integration id
 * @param tokenType exact token type
 * @param tokenSha256 exact token hash (lower-case hex)
 * @param eventType exact event type
 * @param from earliest {@code occurredAt}, inclusive
 * @param to latest {@code occurredAt}, exclusive
 */
public record EventFilter(String subjectId, String contentId, String integrationId, String tokenType,
		String tokenSha256, String eventType, Instant from, Instant to) {

	public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null);

	public EventFilter {
		subjectId = Guards.blankToNull(subjectId);
		contentId = Guards.blankToNull(contentId);
		integrationId = Guards.blankToNull(integrationId);
		tokenType = Guards.blankToNull(tokenType);
		tokenSha256 = Guards.blankToNull(tokenSha256);
		eventType = Guards.blankToNull(eventType);
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

}
