package dev.lanyard.gateway.signin.adapter.web;

import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Cross-site requests cannot use a browser's session on the relayed APIs
 * ({@link RelayedApi}: {@code /api/connections/**}, {@code /api/audit/**}), whose
 * requests the session authenticates and which Spring Security's CSRF protection does not
 * see (they are routed, not served here). SameSite=Lax alone lets a sibling subdomain
 * ("same-site") send the cookie. Rules, for a request that relies on the cookie (no
 * Authorization header), on the connections API:
 * <ul>
 * <li>a page navigation ({@code Sec-Fetch-Mode: navigate}) with GET is always let
 * through: content links people to {@code /connect}, and the provider sends them back to
 * {@code /callback};</li>
 * <li>any other request must come from the gateway's own origin
 * ({@code Sec-Fetch-Site: same-origin} or {@code none}); a browser too old to send that
 * header must then show the CSRF token ({@code X-XSRF-TOKEN} equal to the
 * {@code XSRF-TOKEN} cookie) for anything but GET.</li>
 * </ul>
 * On the audit API, only what the auditors' page does: GET (searches and export
 * downloads) from the gateway's own origin, and {@code POST /api/audit/lookup} from it
 * with the CSRF token; a cross-site navigation is not let through (nothing there is a
 * link from elsewhere), nor any other method.
 */
public final class RelayedRequestGuard implements WebFilter, Ordered {

	private static final Set<String> OWN = Set.of("same-origin", "none");

	private static final String LOOKUP = "/api/audit/lookup";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		Optional<RelayedApi> api = RelayedApi.of(request.getPath().value());
		if (api.isEmpty() || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| allowed(api.get(), request)) {
			return chain.filter(exchange);
		}
		return ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN, (api.get() == RelayedApi.AUDIT)
				? "The audit trail is read with a session from Lanyard's auditors' page only (same origin; GET, or the token look-up with the CSRF token)."
				: "This request came from another site; connections are managed from Lanyard's own pages.");
	}

	static boolean allowed(RelayedApi api, ServerHttpRequest request) {
		return (api == RelayedApi.AUDIT) ? auditAllowed(request) : allowed(request);
	}

	private static boolean auditAllowed(ServerHttpRequest request) {
		String site = request.getHeaders().getFirst("Sec-Fetch-Site");
		if (site != null && !OWN.contains(site)) {
			return false;
		}
		if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
			return true;
		}
		return HttpMethod.POST.equals(request.getMethod()) && request.getPath().value().equals(LOOKUP)
				&& csrfTokenShown(request);
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
		return csrfTokenShown(request);
	}

	private static boolean csrfTokenShown(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
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
