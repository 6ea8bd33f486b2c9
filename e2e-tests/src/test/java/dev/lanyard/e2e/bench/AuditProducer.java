package dev.lanyard.e2e.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces {@link AuditEventMix} events to the ensemble's topics with the services' own
 * Avro serdes and their acknowledgement ({@code acks=all}), batched as a bulk producer
 * would be. A failed send is counted and its first error kept: the benchmark fails on it
 * rather than report figures for events that were never there.
 */
final class AuditProducer implements AutoCloseable {

	private final KafkaProducer<String, Object> producer;

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<Exception> firstError = new AtomicReference<>();

	AuditProducer(Ensemble ensemble) {
		Map<String, Object> props = AvroSerdes
			.producerProperties(new RegistryProperties(URI.create(ensemble.endpoints().registryUrl()), false));
		props.putAll(ensemble.endpoints().kafkaClientProperties());
		props.put("acks", "all");
		props.put("linger.ms", 10);
		props.put("batch.size", 256 * 1024);
		props.put("compression.type", "lz4");
		this.producer = new KafkaProducer<>(props);
	}

	void send(AuditEventMix.Produced event) {
		this.producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event.value()), (meta, ex) -> {
			if (ex != null) {
				this.failed.incrementAndGet();
				this.firstError.compareAndSet(null, ex);
			}
		});
	}

	/** Waits until every event sent so far is acknowledged; fails if one was not. */
	void flush() {
		this.producer.flush();
		if (this.failed.get() > 0) {
			throw new IllegalStateException(this.failed.get() + " events were not acknowledged by Kafka",
					this.firstError.get());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
