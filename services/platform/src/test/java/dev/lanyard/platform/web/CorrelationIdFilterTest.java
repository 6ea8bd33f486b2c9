package dev.lanyard.platform.web;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdFilterTest {

	private final CorrelationIdFilter filter = new CorrelationIdFilter();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void doFilterWhenWellFormedThenDownstreamLogsAndResponseSeeIt() throws Exception {
		this.request.addHeader(CorrelationIds.HEADER, "abc-123");
		Seen seen = run();
		assertThat(seen.header()).isEqualTo("abc-123");
		assertThat(seen.mdc()).isEqualTo("abc-123");
		assertThat(seen.of()).isEqualTo("abc-123");
		assertThat(this.response.getHeader(CorrelationIds.HEADER)).isEqualTo("abc-123");
	}

	@Test
	void doFilterWhenMalformedThenDownstreamSeesOneNewIdEverywhere() throws Exception {
		this.request.addHeader(CorrelationIds.HEADER, "bad id\twith tabs");
		Seen seen = run();
		assertThat(seen.header()).hasSize(36).isEqualTo(seen.of()).isEqualTo(seen.mdc());
		assertThat(seen.headers()).containsExactly(seen.header());
		assertThat(this.response.getHeader(CorrelationIds.HEADER)).isEqualTo(seen.header());
	}

	@Test
	void doFilterWhenMissingThenHeaderNamesListIt() throws Exception {
		Seen seen = run();
		assertThat(seen.headerNames()).containsOnlyOnce(CorrelationIds.HEADER);
	}

	@Test
	void doFilterWhenDoneThenMdcCleared() throws Exception {
		run();
		assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
	}

	@Test
	void ofWhenFilterDidNotRunAndHeaderMalformedThenSameNewIdTwice() {
		this.request.addHeader(CorrelationIds.HEADER, "a".repeat(129));
		String first = CorrelationIdFilter.of(this.request);
		assertThat(first).hasSize(36);
		assertThat(CorrelationIdFilter.of(this.request)).isEqualTo(first);
	}

	@Test
	void ofWhenRequestNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> CorrelationIdFilter.of(null))
			.withMessage("request cannot be null");
	}

	private Seen run() throws Exception {
		AtomicReference<Seen> seen = new AtomicReference<>();
		MockFilterChain chain = new MockFilterChain() {

			@Override
			public void doFilter(ServletRequest request, ServletResponse response) {
				HttpServletRequest http = (HttpServletRequest) request;
				seen.set(new Seen(http.getHeader(CorrelationIds.HEADER),
						Collections.list(http.getHeaders(CorrelationIds.HEADER)),
						Collections.list(http.getHeaderNames()), MDC.get(CorrelationIds.MDC_KEY),
						CorrelationIdFilter.of(http)));
			}

		};
		this.filter.doFilter(this.request, this.response, chain);
		return seen.get();
	}

	private record Seen(String header, List<String> headers, List<String> headerNames, String mdc, String of) {
	}

}
