package dev.lanyard.gateway.routing;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The route table served by {@link ApiProxy}. Requests are proxied as they are: path,
 * query, body and the Authorization header go through unchanged. The Host header is the
 * upstream's, which is fine because token-broker's issuer is configured explicitly rather
 * than derived from the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
public class RoutingConfiguration {

	/** Enough kept-alive connections for every caller of a busy gateway, per service. */
	private static final int MAX_CONNECTIONS_PER_SERVICE = 512;

	@Bean
	ApiProxy apiProxy(UpstreamProperties upstreams, ProxyProperties proxy) {
		ConnectionProvider pool = ConnectionProvider.builder("lanyard-upstreams")
			.maxConnections(MAX_CONNECTIONS_PER_SERVICE)
			.pendingAcquireTimeout(proxy.connectTimeout())
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) proxy.connectTimeout().toMillis())
			.responseTimeout(proxy.responseTimeout());
		return new ApiProxy(new UpstreamRoutes(upstreams, proxy.instanceDownFor()),
				new ReactorClientHttpConnector(http));
	}

}
