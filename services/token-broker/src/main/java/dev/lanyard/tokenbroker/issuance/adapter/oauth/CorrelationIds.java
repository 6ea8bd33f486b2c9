package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.ids.Ids;

/**
 * The correlation id of a request: its {@code X-Correlation-Id} when well-formed, else a
 * new one.
 */
public final class CorrelationIds {

	/** The header carrying the correlation id in and out. */
	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

	private CorrelationIds() {
	}

	public static String of(HttpServletRequest request) {
		if (request == null) {
			throw new IllegalArgumentException("request cannot be null");
		}
		String given = request.getHeader(HEADER);
		return (given != null && WELL_FORMED.matcher(given).matches()) ? given : Ids.uuidString();
	}

}
