package dev.lanyard.audit.trail.domain;

import java.util.regex.Pattern;

/**
 * W3C Trace Context ids: the trace id a record's {@code traceparent} header carries
 * ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}).
 */
public final class TraceIds {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

	private static final String INVALID = "0".repeat(32);

	private TraceIds() {
	}

	/** Whether {@code traceId} is a trace id as W3C Trace Context allows one. */
	public static boolean valid(String traceId) {
		return traceId != null && TRACE_ID.matcher(traceId).matches() && !INVALID.equals(traceId);
	}

	/**
	 * The trace id of a {@code traceparent} header value; {@code null} when there is none
	 * or it is malformed (a bad header never keeps an event out of the trail).
	 */
	public static String fromTraceparent(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		var matcher = TRACEPARENT.matcher(traceparent);
		if (!matcher.matches() || traceparent.startsWith("ff")) {
			return null;
		}
		String traceId = matcher.group(1);
		return valid(traceId) ? traceId : null;
	}

}
