package dev.lanyard.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Proxies the routed APIs ({@link UpstreamRoute#table}) to their services: a request
 * whose path is in the table is sent on through one pooled client and its answer streamed
 * back; every other request goes on to the gateway's own handlers (sign-in,
 * {@code /api/me}, the auditors' page, or a 404 problem). It runs as the last of the
 * gateway's own filters on those paths (after the correlation id and the session relay)
 * and skips the rest: routing a small POST through Spring Cloud Gateway's handler
 * mapping, route predicates and a dozen global and header filters cost the gateway more
 * CPU than token-broker spends issuing the token (issue 17).
 * <p>
 * What goes upstream: method, raw path and query, body and headers, except the cookie
 * (the browser session belongs to the gateway), hop-by-hop headers, and any forwarding
 * header the caller chose; {@value #CLIENT_ADDRESS} names the caller's socket address,
 * replacing any value sent. A path with a dot segment or an encoded slash or backslash is
 * never routed, so no spelling of a path reaches a service path the table leaves out
 * ({@code /internal/**}).
 * <p>
 * A service with several instances (token-broker) has them taken in turn; an instance
 * that refuses the connection is passed over and the request goes to the next one, never
 * once anything was sent ({@link UpstreamInstances}).
 */
public final class ApiProxy implements WebFilter, Ordered {

	/** Tells the services behind the gateway who called (token-broker's throttling). */
	public static final String CLIENT_ADDRESS = "X-Lanyard-Client-Address";

	/** Exchange attribute holding the id of the route a request took. */
	public static final String ROUTE_ATTRIBUTE = ApiProxy.class.getName() + ".route";

	/**
	 * After the correlation id and the session relay ({@code HIGHEST_PRECEDENCE + 100}).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	/** Never sent upstream. */
	private static final Set<String> REQUEST_HEADERS_DROPPED = caseInsensitive("Host", "Cookie", "Connection",
			"Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
			"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto",
			"X-Forwarded-Prefix", CLIENT_ADDRESS);

	/** Never passed back to the caller: they describe the upstream connection. */
	private static final Set<String> RESPONSE_HEADERS_DROPPED = caseInsensitive("Connection", "Keep-Alive",
			"Proxy-Authenticate", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade");

	private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
			HttpMethod.OPTIONS, HttpMethod.TRACE);

	private final List<UpstreamRoutes.Match> routes;

	private final ClientHttpConnector upstream;

	public ApiProxy(UpstreamRoutes routes, ClientHttpConnector upstream) {
		if (routes == null) {
			throw new IllegalArgumentException("routes cannot be null");
		}
		if (upstream == null) {
			throw new IllegalArgumentException("upstream cannot be null");
		}
		this.routes = routes.matches();
		this.upstream = upstream;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		UpstreamRoute route = routeOf(exchange.getRequest());
		if (route == null) {
			return chain.filter(exchange);
		}
		exchange.getAttributes().put(ROUTE_ATTRIBUTE, route.id());
		return forward(exchange, route);
	}

	/** The route a request takes, or {@code null} when it is not proxied. */
	UpstreamRoute routeOf(ServerHttpRequest request) {
		String rawPath = request.getURI().getRawPath();
		if (rawPath == null || !UpstreamRoutes.plainPath(rawPath)) {
			return null;
		}
		PathContainer path = request.getPath().pathWithinApplication();
		for (UpstreamRoutes.Match match : this.routes) {
			if (match.matches(path)) {
				return match.route();
			}
		}
		return null;
	}

	private Mono<Void> forward(ServerWebExchange exchange, UpstreamRoute route) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		UpstreamInstances instances = route.instances();
		return instances.sendWithFailover((instance) -> send(request, instances, instance))
			.onErrorMap(ReadTimeoutException.class,
					(ex) -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
							"The service behind this path did not answer in time", ex))
			.flatMap((answer) -> relay(answer, response));
	}

	/**
	 * Sends the request to one instance. Reactor Netty writes the request only once
	 * connected, so a refused connection sent nothing and may go to another instance.
	 */
	private Mono<ClientHttpResponse> send(ServerHttpRequest request, UpstreamInstances instances, int instance) {
		URI target = URI.create(instances.baseUrl(instance) + request.getURI().getRawPath()
				+ ((request.getURI().getRawQuery() != null) ? "?" + request.getURI().getRawQuery() : ""));
		HttpHeaders inbound = request.getHeaders();
		// a GET without a length has no body: sent without one, not as an empty chunked
		// body
		long length = inbound.getContentLength();
		boolean hasBody = length > 0 || (length < 0 && !BODILESS.contains(request.getMethod()));
		return this.upstream.connect(request.getMethod(), target, (outbound) -> {
			HttpHeaders headers = outbound.getHeaders();
			inbound.forEach((name, values) -> {
				if (!REQUEST_HEADERS_DROPPED.contains(name)) {
					headers.addAll(name, values);
				}
			});
			headers.set(CLIENT_ADDRESS, clientAddress(request));
			return hasBody ? outbound.writeWith(request.getBody()) : outbound.setComplete();
		});
	}

	private static Mono<Void> relay(ClientHttpResponse answer, ServerHttpResponse response) {
		response.setStatusCode(answer.getStatusCode());
		HttpHeaders headers = response.getHeaders();
		answer.getHeaders().forEach((name, values) -> {
			if (!RESPONSE_HEADERS_DROPPED.contains(name)) {
				headers.addAll(name, values);
			}
		});
		return response.writeWith(answer.getBody());
	}

	private static String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	private static Set<String> caseInsensitive(String... names) {
		Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		set.addAll(List.of(names));
		return Collections.unmodifiableSet(set);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
