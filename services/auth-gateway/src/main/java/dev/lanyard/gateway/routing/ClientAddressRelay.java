package dev.lanyard.gateway.routing;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services behind the gateway who called: the caller's socket address in
 * {@value #HEADER}, replacing any value the caller sent. Without it every routed request
 * reaches token-broker from the gateway's own address, and token-broker's per-address
 * throttling would count all callers as one (a few failed logins would slow everyone).
 */
public final class ClientAddressRelay implements GlobalFilter, Ordered {

	public static final String HEADER = "X-Lanyard-Client-Address";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, address)))
			.build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 80;
	}

}
