package dev.lanyard.launcher;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.registry.RegistryClient;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureIT {

	private final Infrastructure infrastructure = Infrastructure.shared();

	@Test
	@Order(1)
	void sharedWhenCalledTwiceThenSameInstance() {
		assertThat(Infrastructure.shared()).isSameAs(this.infrastructure);
	}

	@Test
	@Order(2)
	void kafkaWhenTokenIssuedSentWithAvroSerdesThenReadBack() throws Exception {
		TokenIssued sent = TestEvents.tokenIssued("c-" + UUID.randomUUID());
		produce(sent);
		assertThat(consume(sent.getSubjectId())).isEqualTo(sent);
	}

	@Test
	@Order(3)
	void registryWhenListingSubjectsThroughCcompatThenEveryTopicHasOne() {
		String subjects = new RegistryClient(this.infrastructure.registryUrl()).subjects();
		Topics.ALL.forEach((topic) -> assertThat(subjects).contains("\"" + topic.valueSubject() + "\""));
	}

	@Test
	@Order(4)
	void jdbcUrlWhenDatabaseMissingThenCreatesIt() throws Exception {
		String url = this.infrastructure.jdbcUrl("launcher_it");
		try (Connection connection = DriverManager.getConnection(url, this.infrastructure.databaseUser(),
				this.infrastructure.databasePassword());
				ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("launcher_it");
		}
		assertThat(this.infrastructure.jdbcUrl("launcher_it")).isEqualTo(url);
	}

	@Test
	@Order(5)
	void stopKafkaWhenStoppedThenPortClosedAndStartKafkaBringsItBack() throws Exception {
		TokenIssued before = TestEvents.tokenIssued("c-" + UUID.randomUUID());
		produce(before);
		int port = Integer.parseInt(this.infrastructure.kafkaBootstrapServers().split(":")[1]);

		this.infrastructure.stopKafka();
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		}).isInstanceOf(ConnectException.class);

		this.infrastructure.startKafka();
		TokenIssued after = TestEvents.tokenIssued("c-" + UUID.randomUUID());
		produce(after);
		assertThat(consume(before.getSubjectId())).isEqualTo(before);
		assertThat(consume(after.getSubjectId())).isEqualTo(after);
	}

	private RegistryProperties registry() {
		return new RegistryProperties(URI.create(this.infrastructure.registryUrl()), false);
	}

	private void produce(TokenIssued event) throws Exception {
		Map<String, Object> props = new HashMap<>(AvroSerdes.producerProperties(registry()));
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers());
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, TokenIssued> producer = new KafkaProducer<>(props)) {
			RecordMetadata metadata = producer
				.send(new ProducerRecord<>(Topics.TOKEN_ISSUED.name(), event.getSubjectId(), event))
				.get(30, TimeUnit.SECONDS);
			assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
		}
	}

	private TokenIssued consume(String key) {
		Map<String, Object> props = new HashMap<>(AvroSerdes.consumerProperties(registry()));
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-it-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, TokenIssued> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(Topics.TOKEN_ISSUED.name()));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, TokenIssued> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return record.value();
					}
				}
			}
		}
		throw new AssertionError("No record with key " + key + " within 60 s");
	}

}
