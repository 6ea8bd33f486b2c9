package dev.lanyard.integrations.web;

/**
 * The correlation id header, for controllers that take it as a {@code @RequestHeader}.
 * The platform's filter has already replaced a missing or malformed one by the time a
 * controller runs; the rules are {@link dev.lanyard.platform.web.CorrelationIds}'.
 */
public final class CorrelationIds {

	public static final String HEADER = dev.lanyard.platform.web.CorrelationIds.HEADER;

	private CorrelationIds() {
	}

	/**
	 * The id a controller received: already accepted, or (outside a request) a new one.
	 */
	public static String fromHeader(String header) {
		return dev.lanyard.platform.web.CorrelationIds.acceptOrNew(header);
	}

}
