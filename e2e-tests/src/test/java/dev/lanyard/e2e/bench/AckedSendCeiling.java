package dev.lanyard.e2e.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling Kafka alone sets on this machine: closed-loop callers that each send one
 * record of a TokenIssued's size with the audit producers' settings ({@code acks=all},
 * idempotent, {@code linger.ms=0}, one key as the benchmarks' single subject has) and
 * wait for its acknowledgement, against the ensemble's broker. No HTTP, no token, no
 * service: what is left of an issuance's time when everything else is free.
 */
final class AckedSendCeiling implements AutoCloseable {

	/** A topic of its own, so the TokenIssued counts stay exact. */
	static final String TOPIC = "lanyard.bench.acked-send.v1";

	/** About the size of a TokenIssued record as serialized (Avro plus framing). */
	private static final int RECORD_BYTES = 420;

	private final KafkaProducer<String, byte[]> producer;

	private final byte[] value = new byte[RECORD_BYTES];

	AckedSendCeiling(Map<String, Object> kafka, int partitions) throws Exception {
		try (Admin admin = Admin.create(kafka)) {
			admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		Map<String, Object> properties = new java.util.HashMap<>(kafka);
		properties.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3750));
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** One acknowledged send; throws when it was not acknowledged within 5 s. */
	void send() throws Exception {
		this.producer.send(new ProducerRecord<>(TOPIC, "bench-subject", this.value)).get(5, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
