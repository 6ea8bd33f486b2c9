package dev.lanyard.audit.trail.adapter.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.lanyard.audit.trail.domain.AuditQuery;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.Position;

/**
 * Reads the query parameters of {@code GET /api/audit/events} into an {@link AuditQuery}.
 * Empty values count as absent; each parameter may appear once; unknown parameters are
 * refused so that a misspelt filter cannot silently widen an auditor's search.
 */
final class EventQueryParser {

	static final Set<String> PARAMETERS = Set.of("subject", "content", "integration", "tokenType", "tokenSha256",
			"eventType", "from", "to", "limit", "cursor");

	private static final int MAX_ID_LENGTH = 256;

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final Set<String> eventTypes;

	EventQueryParser(Set<String> eventTypes) {
		if (eventTypes == null || eventTypes.isEmpty()) {
			throw new IllegalArgumentException("eventTypes cannot be empty");
		}
		this.eventTypes = new TreeSet<>(eventTypes);
	}

	AuditQuery parse(Map<String, List<String>> parameters) {
		if (parameters == null) {
			throw new IllegalArgumentException("parameters cannot be null");
		}
		for (String name : parameters.keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw new InvalidParameterException(name,
						"Unknown parameter " + name + "; known: " + new TreeSet<>(PARAMETERS));
			}
		}
		Instant from = instant(parameters, "from");
		Instant to = instant(parameters, "to");
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidParameterException("from", "from must not be after to");
		}
		EventFilter filter = new EventFilter(id(parameters, "subject"), id(parameters, "content"),
				id(parameters, "integration"), id(parameters, "tokenType"), sha256(parameters), eventType(parameters),
				from, to);
		return new AuditQuery(filter, limit(parameters), cursor(parameters));
	}

	private static String single(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new InvalidParameterException(name, name + " must be given at most once");
		}
		String value = values.getFirst();
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String id(Map<String, List<String>> parameters, String name) {
		String value = single(parameters, name);
		if (value != null && value.length() > MAX_ID_LENGTH) {
			throw new InvalidParameterException(name, name + " must be at most " + MAX_ID_LENGTH + " characters");
		}
		return value;
	}

	private static String sha256(Map<String, List<String>> parameters) {
		String value = single(parameters, "tokenSha256");
		if (value != null && !SHA256_HEX.matcher(value).matches()) {
			throw new InvalidParameterException("tokenSha256", "tokenSha256 must be 64 hexadecimal characters");
		}
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private String eventType(Map<String, List<String>> parameters) {
		String value = single(parameters, "eventType");
		if (value != null && !this.eventTypes.contains(value)) {
			throw new InvalidParameterException("eventType", "eventType must be one of " + this.eventTypes);
		}
		return value;
	}

	private static Instant instant(Map<String, List<String>> parameters, String name) {
		String value = single(parameters, name);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException(name,
					name + " must be an ISO-8601 instant such as 2026-11-25T10:15:30Z");
		}
	}

	private static int limit(Map<String, List<String>> parameters) {
		String value = single(parameters, "limit");
		if (value == null) {
			return AuditQuery.DEFAULT_LIMIT;
		}
		int limit;
		try {
			limit = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			limit = -1;
		}
		if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
			throw new InvalidParameterException("limit",
					"limit must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
		}
		return limit;
	}

	private static Position cursor(Map<String, List<String>> parameters) {
		String value = single(parameters, CursorCodec.PARAMETER);
		return (value != null) ? CursorCodec.decode(value) : null;
	}

}
