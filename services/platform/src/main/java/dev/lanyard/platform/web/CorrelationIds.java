package dev.lanyard.platform.web;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.lanyard.platform.ids.Ids;

/**
 * What a request's correlation id is, for every service and both web stacks: the header
 * that carries it in and out, the caller's id when it is well-formed, a new one
 * otherwise, and where it is kept while the request runs. Servlet services get
 * {@link CorrelationIdFilter}; the gateway's WebFlux filter applies the same rules.
 */
public final class CorrelationIds {

	/** The header carrying the id, in both directions. */
	public static final String HEADER = "X-Correlation-Id";

	/** The SLF4J MDC key holding the id while a servlet request runs. */
	public static final String MDC_KEY = "correlationId";

	/** The request (or exchange) attribute holding the id. */
	public static final String ATTRIBUTE = CorrelationIds.class.getName() + ".id";

	// Ids end up in events and log lines: short, no spaces, quotes or control characters.
	// The widest of the sets the services accepted before, so base64 ids from upstream
	// tracing pass.
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

	private CorrelationIds() {
	}

	public static boolean isWellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

	/** The caller's id when well-formed, else a new random one. */
	public static String acceptOrNew(String given) {
		return acceptOrNew(given, Ids::uuidString);
	}

	/** As {@link #acceptOrNew(String)}, with the new id from {@code newId}. */
	public static String acceptOrNew(String given, Supplier<String> newId) {
		if (newId == null) {
			throw new IllegalArgumentException("newId cannot be null");
		}
		return isWellFormed(given) ? given : newId.get();
	}

}
