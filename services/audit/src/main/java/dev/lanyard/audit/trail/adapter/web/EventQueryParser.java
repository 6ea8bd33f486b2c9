package dev.lanyard.audit.trail.adapter.web;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.lanyard.audit.trail.domain.AuditQuery;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.Outcome;
import dev.lanyard.audit.trail.domain.Position;

/**
 * Reads the query parameters of {@code GET /api/audit/events} (and of an export, which
 * takes the same filters) into an {@link AuditQuery} or an {@link EventFilter}, by the
 * rules of {@link Parameters}.
 */
final class EventQueryParser {

	/** The filters, each an exact match, combined with AND. */
	static final Set<String> FILTERS = Set.of("subject", "user", "content", "integration", "group", "eventType",
			"tokenType", "tokenSha256", "grant", "outcome", "actor", "correlationId", "onBehalfOf", "federatedIssuer",
			"from", "to");

	static final Set<String> PARAMETERS = with(FILTERS, "limit", "cursor");

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final Set<String> eventTypes;

	EventQueryParser(Set<String> eventTypes) {
		if (eventTypes == null || eventTypes.isEmpty()) {
			throw new IllegalArgumentException("eventTypes cannot be empty");
		}
		this.eventTypes = new TreeSet<>(eventTypes);
	}

	AuditQuery parse(Map<String, List<String>> parameters) {
		Parameters.requireKnown(parameters, PARAMETERS);
		return new AuditQuery(filter(parameters), limit(parameters), cursor(parameters));
	}

	/**
	 * @param parameters the request's parameters
	 * @param others parameters besides the filters that the caller reads itself
	 * @return the filter
	 */
	EventFilter parseFilter(Map<String, List<String>> parameters, String... others) {
		Parameters.requireKnown(parameters, with(FILTERS, others));
		return filter(parameters);
	}

	private EventFilter filter(Map<String, List<String>> parameters) {
		Parameters.Period period = Parameters.period(parameters);
		return EventFilter.builder()
			.subjectId(Parameters.id(parameters, "subject"))
			.userId(Parameters.id(parameters, "user"))
			.contentId(Parameters.id(parameters, "content"))
			.integrationId(Parameters.id(parameters, "integration"))
			.groupId(Parameters.id(parameters, "group"))
			.eventTypes(eventTypes(parameters))
			.tokenType(Parameters.id(parameters, "tokenType"))
			.tokenSha256(sha256(parameters))
			.grantType(Parameters.id(parameters, "grant"))
			.outcome(Parameters.oneOf(parameters, "outcome", Outcome.ALL))
			.actorId(Parameters.id(parameters, "actor"))
			.correlationId(Parameters.id(parameters, "correlationId"))
			.onBehalfOfUserId(Parameters.id(parameters, "onBehalfOf"))
			.federatedIssuer(Parameters.id(parameters, "federatedIssuer"))
			.from(period.from())
			.to(period.to())
			.build();
	}

	private static String sha256(Map<String, List<String>> parameters) {
		String value = Parameters.single(parameters, "tokenSha256");
		if (value != null && !SHA256_HEX.matcher(value).matches()) {
			throw new InvalidParameterException("tokenSha256", "tokenSha256 must be 64 hexadecimal characters");
		}
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	Set<String> eventTypes(Map<String, List<String>> parameters) {
		Set<String> values = Parameters.many(parameters, "eventType");
		for (String value : values) {
			if (!this.eventTypes.contains(value)) {
				throw new InvalidParameterException("eventType", "eventType must be one of " + this.eventTypes);
			}
		}
		return values;
	}

	private static int limit(Map<String, List<String>> parameters) {
		String value = Parameters.single(parameters, "limit");
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
		String value = Parameters.single(parameters, CursorCodec.PARAMETER);
		return (value != null) ? CursorCodec.decode(value) : null;
	}

	private static Set<String> with(Set<String> base, String... more) {
		Set<String> all = new HashSet<>(base);
		all.addAll(List.of(more));
		return Set.copyOf(all);
	}

}
