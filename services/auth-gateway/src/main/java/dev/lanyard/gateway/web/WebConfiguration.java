package dev.lanyard.gateway.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cross-cutting HTTP behaviour of the gateway: correlation ids and error rendering. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

	@Bean
	CorrelationIdFilter correlationIdFilter() {
		return new CorrelationIdFilter();
	}

	@Bean
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler(JsonMapper json) {
		return new ProblemDetailsExceptionHandler(json);
	}

}
