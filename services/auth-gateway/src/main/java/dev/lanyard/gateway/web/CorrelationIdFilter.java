package dev.lanyard.gateway.web;

import java.util.function.Supplier;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.platform.web.CorrelationIds;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id on the platform's rules ({@link CorrelationIds}):
 * the caller's {@value #HEADER} when well-formed, a new UUID otherwise. The id is
 * forwarded upstream, echoed in the response and kept as an exchange attribute for error
 * responses and logs.
 */
public final class CorrelationIdFilter implements WebFilter, Ordered {

	/** The header that carries the id, in both directions. */
	public static final String HEADER = CorrelationIds.HEADER;

	/** Exchange attribute holding the id. */
	public static final String ATTRIBUTE = CorrelationIds.ATTRIBUTE;

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
		String id = CorrelationIds.acceptOrNew(exchange.getRequest().getHeaders().getFirst(HEADER), this.newId);
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
