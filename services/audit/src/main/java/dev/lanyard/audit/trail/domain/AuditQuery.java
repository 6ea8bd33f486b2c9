package dev.lanyard.audit.trail.domain;

/**
 * One page of a search of the trail.
 *
 * @param filter which events
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param after the position of the last event of the previous page, or {@code null} for
 * the first page
 */
public record AuditQuery(EventFilter filter, int limit, Position after) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public AuditQuery {
		Guards.notNull(filter, "filter");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

}
