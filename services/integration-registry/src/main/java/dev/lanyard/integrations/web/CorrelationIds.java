package dev.lanyard.integrations.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id} when it is a
 * sensible id, a new UUID otherwise (so a log line or event never carries arbitrary
 * caller text).
 */
public final class CorrelationIds {

	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private CorrelationIds() {
	}

	public static String fromHeader(String header) {
		return (header != null && ACCEPTABLE.matcher(header).matches()) ? header : UUID.randomUUID().toString();
	}

}
