package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

/**
 * Reads CredentialDenied events from the start of the topic, the way the audit service
 * does.
 */
final class CredentialDeniedEvents implements AutoCloseable {

	private final KafkaConsumer<String, CredentialDenied> consumer;

	private final List<TopicPartition> partitions;

	private final List<ConsumerRecord<String, CredentialDenied>> seen = new ArrayList<>();

	CredentialDeniedEvents(Infrastructure infrastructure) {
		Map<String, Object> properties = new HashMap<>(
				AvroSerdes.consumerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
		properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		properties.put("group.id", "token-broker-it-" + UUID.randomUUID());
		properties.put("enable.auto.commit", false);
		properties.put("auto.offset.reset", "earliest");
		this.consumer = new KafkaConsumer<>(properties);
		this.partitions = this.consumer.partitionsFor(Topics.CREDENTIAL_DENIED.name(), Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/**
	 * Polls until the subject's events satisfy {@code done}, or the timeout passes; then
	 * reads on to the end of the topic as it is now. Returns that subject's events in
	 * partition order.
	 */
	List<CredentialDenied> awaitFor(String subjectId, Predicate<List<CredentialDenied>> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.test(of(subjectId)) && System.nanoTime() < deadline) {
			poll();
		}
		readToEnd();
		return of(subjectId);
	}

	/**
	 * The subject's events up to the end of the topic as it is now: a refusal is answered
	 * only after its event was acknowledged, so this holds every refusal answered so far.
	 */
	List<CredentialDenied> upToNow(String subjectId) {
		readToEnd();
		return of(subjectId);
	}

	/** Every record read so far, of any subject, key included. */
	List<ConsumerRecord<String, CredentialDenied>> seen() {
		return List.copyOf(this.seen);
	}

	private List<CredentialDenied> of(String subjectId) {
		return this.seen.stream()
			.map(ConsumerRecord::value)
			.filter((event) -> subjectId.equals(event.getSubjectId()))
			.toList();
	}

	private void readToEnd() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions, Duration.ofSeconds(10));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (end.entrySet().stream().anyMatch((e) -> this.consumer.position(e.getKey()) < e.getValue())
				&& System.nanoTime() < deadline) {
			poll();
		}
	}

	private void poll() {
		for (ConsumerRecord<String, CredentialDenied> record : this.consumer.poll(Duration.ofMillis(200))) {
			this.seen.add(record);
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
