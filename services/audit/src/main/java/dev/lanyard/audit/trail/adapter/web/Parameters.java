package dev.lanyard.audit.trail.adapter.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading query parameters the same way everywhere: empty values count as absent, each
 * parameter at most once (unless repeatable), unknown ones refused so that a misspelt
 * filter cannot silently widen an auditor's search. Every refusal names the parameter.
 */
final class Parameters {

	static final int MAX_ID_LENGTH = 256;

	private Parameters() {
	}

	static void requireKnown(Map<String, List<String>> parameters, Set<String> known) {
		if (parameters == null) {
			throw new IllegalArgumentException("parameters cannot be null");
		}
		for (String name : parameters.keySet()) {
			if (!known.contains(name)) {
				throw new InvalidParameterException(name,
						"Unknown parameter " + name + "; known: " + new TreeSet<>(known));
			}
		}
	}

	static String single(Map<String, List<String>> parameters, String name) {
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

	/**
	 * Values given repeatedly or as a comma-separated list, in order, without repeats.
	 */
	static Set<String> many(Map<String, List<String>> parameters, String name) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : parameters.getOrDefault(name, List.of())) {
			if (value == null) {
				continue;
			}
			for (String part : value.split(",", -1)) {
				if (!part.isBlank()) {
					values.add(part.strip());
				}
			}
		}
		return values;
	}

	static String id(Map<String, List<String>> parameters, String name) {
		return id(name, single(parameters, name));
	}

	static String id(String name, String value) {
		if (value != null && value.length() > MAX_ID_LENGTH) {
			throw new InvalidParameterException(name, name + " must be at most " + MAX_ID_LENGTH + " characters");
		}
		return value;
	}

	static Instant instant(Map<String, List<String>> parameters, String name) {
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

	/** {@code from} and {@code to}, checked to be in order. */
	static Instant[] period(Map<String, List<String>> parameters) {
		Instant from = instant(parameters, "from");
		Instant to = instant(parameters, "to");
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidParameterException("from", "from must not be after to");
		}
		return new Instant[] { from, to };
	}

	static String oneOf(Map<String, List<String>> parameters, String name, Set<String> allowed) {
		String value = single(parameters, name);
		if (value != null && !allowed.contains(value)) {
			throw new InvalidParameterException(name, name + " must be one of " + new TreeSet<>(allowed));
		}
		return value;
	}

}
