package dev.lanyard.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every servlet service the correlation id filter. The gateway (WebFlux) has its
 * own filter on the same {@link CorrelationIds} rules.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
public class WebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorrelationIdFilter correlationIdFilter() {
		return new CorrelationIdFilter();
	}

}
