package dev.lanyard.gateway.signin.adapter.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedRequestGuardTest {

	private static final String PATH = "/api/connections/i-1";

	@Test
	void allowedWhenCrossSiteNavigationToConnectThenYes() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.get(PATH + "/connect")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Sec-Fetch-Mode", "navigate")
			.build())).isTrue();
	}

	@Test
	void allowedWhenSameSiteScriptReadsThenNo() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.get("/api/connections")
			.header("Sec-Fetch-Site", "same-site")
			.header("Sec-Fetch-Mode", "cors")
			.build())).isFalse();
	}

	@Test
	void allowedWhenSameSiteDeleteThenNo() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.delete(PATH)
			.header("Sec-Fetch-Site", "same-site")
			.header("Sec-Fetch-Mode", "cors")
			.build())).isFalse();
	}

	@Test
	void allowedWhenSameOriginDeleteThenYes() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.delete(PATH)
			.header("Sec-Fetch-Site", "same-origin")
			.header("Sec-Fetch-Mode", "cors")
			.build())).isTrue();
	}

	@Test
	void allowedWhenNoFetchMetadataDeleteWithoutCsrfTokenThenNo() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.delete(PATH).build())).isFalse();
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.delete(PATH)
			.cookie(new HttpCookie("XSRF-TOKEN", "t-1"))
			.header("X-XSRF-TOKEN", "t-2")
			.build())).isFalse();
	}

	@Test
	void allowedWhenNoFetchMetadataDeleteWithMatchingCsrfTokenThenYes() {
		assertThat(RelayedRequestGuard.allowed(MockServerHttpRequest.delete(PATH)
			.cookie(new HttpCookie("XSRF-TOKEN", "t-1"))
			.header("X-XSRF-TOKEN", "t-1")
			.build())).isTrue();
	}

}
