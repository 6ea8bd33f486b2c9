package dev.lanyard.gateway.routing;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The gateway's own calls to a service with several instances (token-broker's session
 * tokens at sign-in), spread as {@link ApiProxy} spreads routed requests: each call goes
 * to the next instance in turn, and to another one when its instance refuses the
 * connection (nothing was sent). The WebClient's base URL only supplies the path: it is
 * replaced by the chosen instance's.
 */
public final class UpstreamFailover implements ExchangeFilterFunction {

	private final UpstreamInstances instances;

	public UpstreamFailover(UpstreamInstances instances) {
		if (instances == null) {
			throw new IllegalArgumentException("instances cannot be null");
		}
		this.instances = instances;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.instances.sendWithFailover((instance) -> {
			URI url = request.url();
			URI target = URI.create(this.instances.baseUrl(instance) + url.getRawPath()
					+ ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : ""));
			return next.exchange(ClientRequest.from(request).url(target).build());
		});
	}

}
