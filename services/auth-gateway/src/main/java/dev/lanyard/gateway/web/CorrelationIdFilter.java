package dev.lanyard.gateway.web;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.lanyard.platform.ids.Ids;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id: the caller's {@value #HEADER} when it is a sane
 * value, a new UUID otherwise. The id is forwarded upstream, echoed in the response and
 * kept as an exchange attribute for error responses and logs.
 */
public final class CorrelationIdFilter implements WebFilter, Ordered {

	/** The header that carries the id, in both directions. */
	public static final String HEADER = "X-Correlation-Id";

	/** Exchange attribute holding the id. */
	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

	// ids end up in events and log lines: keep them short and free of control characters
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final Supplier<String> newId;

	public CorrelationIdFilter() {
		this(Ids::uuidString);
	}

	CorrelationIdFilter(Supplier<String> newId) {
		if (newId == null) {
			throw new IllegalArgumentException("newId cannot be null");
		}
		this.newId = newId;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (incoming != null && ACCEPTED.matcher(incoming).matches()) ? incoming : this.newId.get();
		ServerWebExchange withId = exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, id)))
			.build();
		withId.getAttributes().put(ATTRIBUTE, id);
		// set just before commit so an upstream's own header cannot duplicate or replace
		// it
		withId.getResponse().beforeCommit(() -> {
			withId.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(withId);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * The id of an exchange that went through this filter.
	 * @param exchange the exchange
	 * @return its correlation id, or {@code null} if the filter has not run
	 */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
