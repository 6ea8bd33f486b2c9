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

	@Test
	void allowedWhenAuditGetFromOwnOriginThenYes() {
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.get("/api/audit/events")
					.header("Sec-Fetch-Site", "same-origin")
					.header("Sec-Fetch-Mode", "cors")
					.build()))
			.isTrue();
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.get("/api/audit/export")
					.header("Sec-Fetch-Site", "same-origin")
					.header("Sec-Fetch-Mode", "navigate")
					.build()))
			.as("an export download")
			.isTrue();
	}

	@Test
	void allowedWhenAuditReadFromAnotherSiteThenNo() {
		for (String site : new String[] { "same-site", "cross-site" }) {
			assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
					MockServerHttpRequest.get("/api/audit/events")
						.header("Sec-Fetch-Site", site)
						.header("Sec-Fetch-Mode", "cors")
						.build()))
				.as(site)
				.isFalse();
			assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
					MockServerHttpRequest.get("/api/audit/export")
						.header("Sec-Fetch-Site", site)
						.header("Sec-Fetch-Mode", "navigate")
						.build()))
				.as(site + " navigation")
				.isFalse();
		}
	}

	@Test
	void allowedWhenAuditLookupWithoutCsrfTokenThenNoEvenFromOwnOrigin() {
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.post("/api/audit/lookup").header("Sec-Fetch-Site", "same-origin").build()))
			.isFalse();
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.post("/api/audit/lookup")
					.header("Sec-Fetch-Site", "same-origin")
					.cookie(new HttpCookie("XSRF-TOKEN", "t-1"))
					.header("X-XSRF-TOKEN", "t-1")
					.build()))
			.isTrue();
	}

	@Test
	void allowedWhenAuditOtherUnsafeRequestThenNo() {
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.post("/api/audit/events")
					.header("Sec-Fetch-Site", "same-origin")
					.cookie(new HttpCookie("XSRF-TOKEN", "t-1"))
					.header("X-XSRF-TOKEN", "t-1")
					.build()))
			.isFalse();
		assertThat(RelayedRequestGuard.allowed(RelayedApi.AUDIT,
				MockServerHttpRequest.delete("/api/audit/events").header("Sec-Fetch-Site", "same-origin").build()))
			.isFalse();
	}

	@Test
	void ofWhenPathsThenTheirApiOnly() {
		assertThat(RelayedApi.of("/api/audit")).contains(RelayedApi.AUDIT);
		assertThat(RelayedApi.of("/api/audit/events")).contains(RelayedApi.AUDIT);
		assertThat(RelayedApi.of("/api/connections/i-1")).contains(RelayedApi.CONNECTIONS);
		assertThat(RelayedApi.of("/api/auditx")).isEmpty();
		assertThat(RelayedApi.of("/audit/")).isEmpty();
	}

}
