package dev.lanyard.gateway.signin.adapter.jdbc;

import java.net.URI;

import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie. Whether it is {@code Secure} follows the gateway's public address,
 * not the scheme of the request that reached it: behind a proxy that ends TLS every
 * request arrives as plain http, yet browsers reach an {@code https} address. A secure
 * cookie is named {@code __Host-SESSION}, so browsers hold it to the exact host, path
 * {@code /}, and https only; otherwise it is {@code SESSION}. Always {@code HttpOnly},
 * {@code SameSite=Lax}. Forwarded headers are not trusted for this: any client can send
 * them.
 */
public final class BrowserSessionCookies {

	public static final String SECURE_NAME = "__Host-SESSION";

	public static final String PLAIN_NAME = "SESSION";

	private BrowserSessionCookies() {
	}

	public static WebSessionIdResolver resolver(URI publicUrl) {
		if (publicUrl == null) {
			throw new IllegalArgumentException("publicUrl cannot be null");
		}
		boolean secure = "https".equalsIgnoreCase(publicUrl.getScheme());
		CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
		resolver.setCookieName(secure ? SECURE_NAME : PLAIN_NAME);
		resolver.addCookieInitializer((cookie) -> {
			cookie.httpOnly(true).sameSite("Lax").path("/");
			if (secure) {
				cookie.secure(true);
			}
		});
		return resolver;
	}

}
