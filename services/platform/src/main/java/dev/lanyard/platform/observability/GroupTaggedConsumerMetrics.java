package dev.lanyard.platform.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Kafka's consumer metrics for each consumer a factory creates, tagged with the
 * consumer's group ({@code group}): a listener names its group in its annotation, so the
 * factory's settings do not know it, but the consumer does.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class GroupTaggedConsumerMetrics<K, V> implements ConsumerFactory.Listener<K, V> {

	private final MeterRegistry registry;

	private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

	GroupTaggedConsumerMetrics(MeterRegistry registry) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		this.registry = registry;
	}

	@Override
	public void consumerAdded(String id, Consumer<K, V> consumer) {
		String group = groupOf(consumer);
		this.bound.computeIfAbsent(id, (key) -> {
			KafkaClientMetrics metrics = new KafkaClientMetrics(consumer,
					List.of(Tag.of("spring.id", id), Tag.of("group", group)));
			metrics.bindTo(this.registry);
			return metrics;
		});
	}

	@Override
	public void consumerRemoved(String id, Consumer<K, V> consumer) {
		KafkaClientMetrics metrics = this.bound.remove(id);
		if (metrics != null) {
			metrics.close();
		}
	}

	private static String groupOf(Consumer<?, ?> consumer) {
		try {
			return consumer.groupMetadata().groupId();
		}
		catch (RuntimeException ex) {
			// a consumer without a group (assigned partitions) has no group metadata
			return "none";
		}
	}

}
