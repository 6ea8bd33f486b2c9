package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

/**
 * Reads one topic's events from its start, the way the audit service does, and finds a
 * subject's among them.
 *
 * @param <V> the event type
 */
final class TopicEvents<V extends SpecificRecord> implements AutoCloseable {

	private final KafkaConsumer<String, V> consumer;

	private final List<TopicPartition> partitions;

	private final Function<V, String> subjectOf;

	private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

	private TopicEvents(Infrastructure infrastructure, Topic<V> topic, Function<V, String> subjectOf) {
		Map<String, Object> properties = new HashMap<>(
				AvroSerdes.consumerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
		properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		properties.put("group.id", "token-broker-it-" + UUID.randomUUID());
		properties.put("enable.auto.commit", false);
		properties.put("auto.offset.reset", "earliest");
		this.consumer = new KafkaConsumer<>(properties);
		this.partitions = this.consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
		this.subjectOf = subjectOf;
	}

	static TopicEvents<TokenIssued> tokenIssued(Infrastructure infrastructure) {
		return new TopicEvents<>(infrastructure, Topics.TOKEN_ISSUED, TokenIssued::getSubjectId);
	}

	static TopicEvents<CredentialDenied> credentialDenied(Infrastructure infrastructure) {
		return new TopicEvents<>(infrastructure, Topics.CREDENTIAL_DENIED, CredentialDenied::getSubjectId);
	}

	static TopicEvents<TokenRevoked> tokenRevoked(Infrastructure infrastructure) {
		return new TopicEvents<>(infrastructure, Topics.TOKEN_REVOKED, TokenRevoked::getSubjectId);
	}

	/**
	 * Polls until the subject's events satisfy {@code done}, or the timeout passes; then
	 * reads on to the end of the topic as it is now. Returns that subject's events in
	 * partition order.
	 */
	List<V> awaitFor(String subjectId, Predicate<List<V>> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.test(of(subjectId)) && System.nanoTime() < deadline) {
			poll();
		}
		readToEnd();
		return of(subjectId);
	}

	/**
	 * The subject's events up to the end of the topic as it is now: a request is answered
	 * only after its event was acknowledged, so this holds every event of the requests
	 * answered so far.
	 */
	List<V> upToNow(String subjectId) {
		readToEnd();
		return of(subjectId);
	}

	/** Every record read so far, of any subject, key included. */
	List<ConsumerRecord<String, V>> seen() {
		return List.copyOf(this.seen);
	}

	private List<V> of(String subjectId) {
		return this.seen.stream()
			.map(ConsumerRecord::value)
			.filter((event) -> subjectId.equals(this.subjectOf.apply(event)))
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
		for (ConsumerRecord<String, V> record : this.consumer.poll(Duration.ofMillis(200))) {
			this.seen.add(record);
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
