package dev.lanyard.gateway.signin.adapter.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import dev.lanyard.gateway.signin.application.UserDirectory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The auditors' page ({@code /audit/}, static files under {@code static/audit/}) goes to
 * signed-in sessions only; anyone else gets a short page with the sign-in links (401).
 * Whether the person may read the trail is decided on each data call (the audit token is
 * minted for auditors only). The page runs no inline script or style, so it gets a strict
 * Content-Security-Policy: its own origin only, no framing.
 */
public final class AuditPageGate implements WebFilter, Ordered {

	static final String PATH = "/audit";

	static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
			+ "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	private final UserDirectory directory;

	private final List<String> providers;

	/**
	 * @param providers the sign-in providers' names, for the links to {@code /login/…}
	 */
	public AuditPageGate(UserDirectory directory, List<String> providers) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		if (providers == null) {
			throw new IllegalArgumentException("providers cannot be null");
		}
		this.directory = directory;
		this.providers = providers.stream().sorted().toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.equals(PATH)) {
			exchange.getResponse().setStatusCode(HttpStatus.FOUND);
			exchange.getResponse().getHeaders().setLocation(java.net.URI.create(PATH + "/"));
			return exchange.getResponse().setComplete();
		}
		if (!path.startsWith(PATH + "/")) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
		return exchange.getSession().flatMap((session) -> {
			boolean signedIn = this.directory.find(session.getAttribute(SessionAttributes.USER_ID))
				.filter((user) -> user.mayUseLanyard())
				.isPresent();
			if (!signedIn) {
				return signInFirst(exchange.getResponse());
			}
			if (!path.equals(PATH + "/")) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate().request((request) -> request.path(PATH + "/index.html")).build());
		});
	}

	private Mono<Void> signInFirst(ServerHttpResponse response) {
		StringBuilder links = new StringBuilder();
		for (String provider : this.providers) {
			String name = HtmlUtils.htmlEscape(provider);
			links.append("<li><a href=\"/login/")
				.append(name)
				.append("\">Sign in with ")
				.append(name)
				.append("</a></li>");
		}
		String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in · Lanyard</title>"
				+ "</head><body><main><h1>Sign in first</h1><p>The audit trail is for signed-in auditors. Sign in, then "
				+ "open <a href=\"/audit/\">/audit/</a> again.</p><ul>" + links + "</ul></main></body></html>";
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		response.getHeaders().setContentLength(bytes.length);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	@Override
	public int getOrder() {
		// after Spring Security's chain (its headers), before the static resources
		return 0;
	}

}
