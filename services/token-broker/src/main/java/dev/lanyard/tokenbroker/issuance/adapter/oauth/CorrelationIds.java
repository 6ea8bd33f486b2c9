package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;

/**
 * The correlation id of a request, as the platform's {@link CorrelationIdFilter} gave it
 * (rules in {@link dev.lanyard.platform.web.CorrelationIds}).
 */
public final class CorrelationIds {

	/** The header carrying the correlation id in and out. */
	public static final String HEADER = dev.lanyard.platform.web.CorrelationIds.HEADER;

	private CorrelationIds() {
	}

	public static String of(HttpServletRequest request) {
		return CorrelationIdFilter.of(request);
	}

}
