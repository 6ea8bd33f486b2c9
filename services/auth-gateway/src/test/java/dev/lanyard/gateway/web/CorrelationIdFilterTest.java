package dev.lanyard.gateway.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdFilterTest {

	private final CorrelationIdFilter filter = new CorrelationIdFilter(() -> "generated-1");

	@Test
	void filterWhenHeaderAbsentThenGeneratesForwardsAndEchoesId() {
		Seen seen = run(MockServerHttpRequest.get("/oauth2/token"));
		assertThat(seen.forwarded()).isEqualTo("generated-1");
		assertThat(seen.attribute()).isEqualTo("generated-1");
		assertThat(seen.responseHeader()).isEqualTo("generated-1");
	}

	@Test
	void filterWhenHeaderPresentThenKeepsCallersId() {
		Seen seen = run(MockServerHttpRequest.get("/oauth2/token").header(CorrelationIdFilter.HEADER, "abc-123"));
		assertThat(seen.forwarded()).isEqualTo("abc-123");
		assertThat(seen.responseHeader()).isEqualTo("abc-123");
	}

	@Test
	void filterWhenHeaderMalformedThenReplacesIt() {
		Seen seen = run(MockServerHttpRequest.get("/").header(CorrelationIdFilter.HEADER, "bad id\twith tabs"));
		assertThat(seen.forwarded()).isEqualTo("generated-1");
	}

	// the gateway replaced these before, token-broker kept them: now both keep them
	@Test
	void filterWhenHeaderBase64ThenKeepsIt() {
		Seen seen = run(MockServerHttpRequest.get("/").header(CorrelationIdFilter.HEADER, "dGVzdA/+x=="));
		assertThat(seen.forwarded()).isEqualTo("dGVzdA/+x==");
	}

	@Test
	void filterWhenHeaderTooLongThenReplacesIt() {
		Seen seen = run(MockServerHttpRequest.get("/").header(CorrelationIdFilter.HEADER, "a".repeat(129)));
		assertThat(seen.forwarded()).isEqualTo("generated-1");
	}

	@Test
	void constructWhenGeneratorNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIdFilter(null))
			.withMessage("newId cannot be null");
	}

	private Seen run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		AtomicReference<ServerWebExchange> downstream = new AtomicReference<>();
		WebFilterChain chain = (next) -> {
			downstream.set(next);
			return next.getResponse().setComplete();
		};
		this.filter.filter(exchange, chain).block();
		ServerWebExchange next = downstream.get();
		return new Seen(next.getRequest().getHeaders().getFirst(CorrelationIdFilter.HEADER),
				CorrelationIdFilter.of(exchange),
				exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER));
	}

	private record Seen(String forwarded, String attribute, String responseHeader) {
	}

}
