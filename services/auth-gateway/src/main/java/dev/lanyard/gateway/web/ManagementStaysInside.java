package dev.lanyard.gateway.web;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's port is the public edge: there it answers no actuator endpoint but health
 * (404), so {@code /actuator/prometheus} is scraped only on a separate management port
 * ({@code management.server.port}, which Kubernetes keeps inside the cluster). The port a
 * request arrived on decides, not a header a caller could set.
 */
public final class ManagementStaysInside implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

	private volatile int publicPort = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// the management child context has a namespace of its own
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.publicPort = event.getWebServer().getPort();
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.startsWith("/actuator") && !isHealth(path) && onPublicPort(exchange)) {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return exchange.getResponse().setComplete();
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private boolean onPublicPort(ServerWebExchange exchange) {
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		return local == null || this.publicPort < 0 || local.getPort() == this.publicPort;
	}

	private static boolean isHealth(String path) {
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

}
