package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

/**
 * Reads TokenIssued events from the start of the topic, the way the audit service will.
 */
final class TokenIssuedEvents implements AutoCloseable {

	private final KafkaConsumer<String, TokenIssued> consumer;

	private final List<TokenIssued> seen = new ArrayList<>();

	TokenIssuedEvents(Infrastructure infrastructure) {
		Map<String, Object> properties = new java.util.HashMap<>(
				AvroSerdes.consumerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
		properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		properties.put("group.id", "token-broker-it-" + UUID.randomUUID());
		properties.put("enable.auto.commit", false);
		properties.put("auto.offset.reset", "earliest");
		this.consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = this.consumer
			.partitionsFor(Topics.TOKEN_ISSUED.name(), Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * Polls until the events for the subject satisfy {@code done}, or the timeout passes;
	 * returns that subject's events in partition order.
	 */
	List<TokenIssued> awaitFor(String subjectId, Predicate<List<TokenIssued>> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<TokenIssued> forSubject = this.seen.stream()
				.filter((event) -> subjectId.equals(event.getSubjectId()))
				.toList();
			if (done.test(forSubject) || System.nanoTime() > deadline) {
				return forSubject;
			}
			for (ConsumerRecord<String, TokenIssued> record : this.consumer.poll(Duration.ofMillis(200))) {
				this.seen.add(record.value());
			}
		}
	}

	/** Every event read so far, of any subject. */
	List<TokenIssued> seen() {
		return List.copyOf(this.seen);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
