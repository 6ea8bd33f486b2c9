package dev.lanyard.gateway.signin.adapter.jdbc;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrowserSessionCookiesTest {

	@Test
	void resolverWhenPublicAddressHttpsAndRequestPlainBehindAProxyThenSecureHostCookie() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://10.0.0.5:8080/api/me"));
		BrowserSessionCookies.resolver(URI.create("https://lanyard.corp.example")).setSessionId(exchange, "s3cr3t");
		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("__Host-SESSION");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
	}

	@Test
	void resolverWhenPublicAddressPlainHttpThenSessionCookieNotSecure() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://127.0.0.1:8080/api/me"));
		BrowserSessionCookies.resolver(URI.create("http://127.0.0.1:8080")).setSessionId(exchange, "s3cr3t");
		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("SESSION");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isSecure()).isFalse();
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	@Test
	void resolverWhenPublicUrlNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> BrowserSessionCookies.resolver(null))
			.withMessage("publicUrl cannot be null");
	}

}
