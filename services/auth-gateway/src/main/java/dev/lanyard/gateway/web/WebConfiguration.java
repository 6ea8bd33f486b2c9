package dev.lanyard.gateway.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Cross-cutting HTTP behaviour of the gateway: correlation ids, error rendering, and no
 * actuator endpoint but health on the public port.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

	@Bean
	CorrelationIdFilter correlationIdFilter() {
		return new CorrelationIdFilter();
	}

	/** Exchanges are created with readers built once, not per request. */
	@Bean
	WebHttpHandlerBuilderCustomizer readersBuiltOnce(ServerCodecConfigurer codecs) {
		return (builder) -> builder.codecConfigurer(new ReadersBuiltOnce(codecs));
	}

	@Bean
	ManagementStaysInside managementStaysInside() {
		return new ManagementStaysInside();
	}

	@Bean
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler(JsonMapper json) {
		return new ProblemDetailsExceptionHandler(json);
	}

}
