package dev.lanyard.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Observes every Kafka client a service declares, whichever way it was built: templates
 * and listener containers carry the trace context in record headers ({@code traceparent})
 * and continue it when they read, and each producer and consumer publishes Kafka's own
 * client metrics (consumer lag among them) tagged with its group. Spring Boot does this
 * only for the template and factories it creates itself; Lanyard's are built by
 * {@code AvroProducers} and {@code ConsumerSetUp}.
 */
public final class KafkaClientObservability implements BeanPostProcessor {

	private final ObjectProvider<MeterRegistry> meters;

	public KafkaClientObservability(ObjectProvider<MeterRegistry> meters) {
		if (meters == null) {
			throw new IllegalArgumentException("meters cannot be null");
		}
		this.meters = meters;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaTemplate<?, ?> template) {
			template.setObservationEnabled(true);
			MeterRegistry registry = this.meters.getIfAvailable();
			ProducerFactory<?, ?> producers = template.getProducerFactory();
			if (registry != null && producers.getListeners()
				.stream()
				.noneMatch((listener) -> listener instanceof MicrometerProducerListener)) {
				// the tags Spring Boot's own listener gives (Prometheus wants one set of
				// tag keys per name)
				producers.addListener(new MicrometerProducerListener<>(registry));
			}
		}
		else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
			factory.getContainerProperties().setObservationEnabled(true);
			MeterRegistry registry = this.meters.getIfAvailable();
			ConsumerFactory<?, ?> consumers = factory.getConsumerFactory();
			if (registry != null && consumers != null
					&& consumers.getListeners()
						.stream()
						.noneMatch((listener) -> listener instanceof GroupTaggedConsumerMetrics)) {
				consumers.addListener(new GroupTaggedConsumerMetrics<>(registry));
			}
		}
		return bean;
	}

}
