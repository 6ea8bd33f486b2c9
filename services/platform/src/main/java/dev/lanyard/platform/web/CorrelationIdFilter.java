package dev.lanyard.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every servlet request its correlation id ({@link CorrelationIds}) before anything
 * else runs, security included: downstream code reading the header sees the accepted id
 * (so a malformed one is never read twice into two different new ids), the response
 * echoes it, and log lines carry it under {@link CorrelationIds#MDC_KEY}.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

	// ahead of Spring Security's chain, so its refusals carry the id too
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = CorrelationIds.acceptOrNew(request.getHeader(CorrelationIds.HEADER));
		request.setAttribute(CorrelationIds.ATTRIBUTE, id);
		response.setHeader(CorrelationIds.HEADER, id);
		MDC.put(CorrelationIds.MDC_KEY, id);
		try {
			chain.doFilter(new WithCorrelationId(request, id), response);
		}
		finally {
			MDC.remove(CorrelationIds.MDC_KEY);
		}
	}

	/**
	 * The correlation id of a request: the one this filter gave it, or, where the filter
	 * did not run, the caller's when well-formed, else a new one (kept, so a second call
	 * answers the same).
	 */
	public static String of(HttpServletRequest request) {
		if (request == null) {
			throw new IllegalArgumentException("request cannot be null");
		}
		if (request.getAttribute(CorrelationIds.ATTRIBUTE) instanceof String id) {
			return id;
		}
		String id = CorrelationIds.acceptOrNew(request.getHeader(CorrelationIds.HEADER));
		request.setAttribute(CorrelationIds.ATTRIBUTE, id);
		return id;
	}

	private static final class WithCorrelationId extends HttpServletRequestWrapper {

		private final String id;

		WithCorrelationId(HttpServletRequest request, String id) {
			super(request);
			this.id = id;
		}

		@Override
		public String getHeader(String name) {
			return CorrelationIds.HEADER.equalsIgnoreCase(name) ? this.id : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return CorrelationIds.HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.id))
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			if (names.stream().noneMatch(CorrelationIds.HEADER::equalsIgnoreCase)) {
				names.add(CorrelationIds.HEADER);
			}
			return Collections.enumeration(names);
		}

	}

}
