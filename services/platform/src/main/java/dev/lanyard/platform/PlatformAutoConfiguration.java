package dev.lanyard.platform;

import java.time.Clock;
import java.time.Duration;

import dev.lanyard.platform.kafka.KafkaHealthIndicator;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires what every Lanyard service shares: registry settings, the Kafka health check and
 * the clock (UTC; tests replace it with their own {@code Clock} bean).
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

}
