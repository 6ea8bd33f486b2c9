package dev.lanyard.gateway.signin.adapter.web;

import java.util.Set;

import reactor.core.publisher.Mono;

import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Cross-site requests cannot use a browser's session on the relayed connections API
 * ({@code /api/connections/**}), whose requests the session authenticates and which
 * Spring Security's CSRF protection does not see (it is routed, not served here).
 * SameSite=Lax alone lets a sibling subdomain ("same-site") send the cookie. Rules, for a
 * request that relies on the cookie (no Authorization header):
 * <ul>
 * <li>a page navigation ({@code Sec-Fetch-Mode: navigate}) with GET is always let
 * through: content links people to {@code /connect}, and the provider sends them back to
 * {@code /callback};</li>
 * <li>any other request must come from the gateway's own origin
 * ({@code Sec-Fetch-Site: same-origin} or {@code none}); a browser too old to send that
 * header must then show the CSRF token ({@code X-XSRF-TOKEN} equal to the
 * {@code XSRF-TOKEN} cookie) for anything but GET.</li>
 * </ul>
 */
public final class RelayedRequestGuard implements GlobalFilter, Ordered {

	private static final Set<String> OWN = Set.of("same-origin", "none");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		boolean relayed = path.equals(SessionBearerRelay.PATH_PREFIX)
				|| path.startsWith(SessionBearerRelay.PATH_PREFIX + "/");
		if (!relayed || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || allowed(request)) {
			return chain.filter(exchange);
		}
		return ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN,
				"This request came from another site; connections are managed from Lanyard's own pages.");
	}

	static boolean allowed(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		String site = headers.getFirst("Sec-Fetch-Site");
		boolean get = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
		if (get && "navigate".equals(headers.getFirst("Sec-Fetch-Mode"))) {
			return true;
		}
		if (site != null) {
			return OWN.contains(site);
		}
		if (get) {
			return true;
		}
		HttpCookie cookie = request.getCookies().getFirst("XSRF-TOKEN");
		String header = headers.getFirst("X-XSRF-TOKEN");
		return cookie != null && header != null && !header.isEmpty()
				&& java.security.MessageDigest.isEqual(
						cookie.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
						header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	public int getOrder() {
		// before the relay mints a token for the request
		return Ordered.HIGHEST_PRECEDENCE + 90;
	}

}
