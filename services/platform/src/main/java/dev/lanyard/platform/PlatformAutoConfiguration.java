package dev.lanyard.platform;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import dev.lanyard.platform.kafka.KafkaHealthIndicator;
import dev.lanyard.platform.observability.KafkaClientObservability;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires what every Lanyard service shares: registry settings, the Kafka health check and
 * the clock (UTC; tests replace it with their own {@code Clock} bean), and the
 * observation of every Kafka client (trace headers, client metrics).
 */
@AutoConfiguration
@EnableConfigurationProperties({ RegistryProperties.class, KafkaProperties.class })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(3));
	}

	/** Static: a post-processor is created before the beans it processes. */
	@Bean
	static KafkaClientObservability kafkaClientObservability(ObjectProvider<MeterRegistry> meters) {
		return new KafkaClientObservability(meters);
	}

}
