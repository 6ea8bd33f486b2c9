package dev.lanyard.platform.kafka.producer;

import java.net.URI;
import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AvroProducersTest {

	private final KafkaProperties kafka = new KafkaProperties();

	private final RegistryProperties registry = new RegistryProperties(URI.create("http://127.0.0.1:8085"), false);

	@Test
	void awaitedTemplateWhenBuiltThenSettingsWinOverSpringKafkaProducer() {
		this.kafka.getProducer().setAcks("1");
		KafkaTemplate<String, Object> template = AvroProducers.awaitedTemplate("Test", this.kafka, this.registry,
				AwaitedProducerSettings.forAckTimeout(Duration.ofSeconds(2)));

		assertThat(template.getProducerFactory().getConfigurationProperties())
			.containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000)
			.containsEntry("apicurio.registry.url", "http://127.0.0.1:8085/apis/registry/v3");
		template.destroy();
	}

	@Test
	void awaitedTemplateWhenNameBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> AvroProducers.awaitedTemplate(" ", this.kafka,
				this.registry, AwaitedProducerSettings.forAckTimeout(Duration.ofSeconds(2))))
			.withMessage("name cannot be blank");
	}

}
