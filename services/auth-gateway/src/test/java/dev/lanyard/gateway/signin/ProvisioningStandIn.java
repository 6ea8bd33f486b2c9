package dev.lanyard.gateway.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Stands in for user-provisioning on the real topics: reads every UserLoggedIn through
 * the given providers and answers with a UserChanged, or with a UserLoginRefused for a
 * reserved username (the rule and message user-provisioning applies). It also tells a
 * test when it has read everything published so far, so "no UserLoggedIn for this
 * subject" is checked against the whole topic rather than after a guessed pause.
 */
final class ProvisioningStandIn implements AutoCloseable {

	/** The reserved usernames of issue 3. */
	static final Set<String> RESERVED = Set.of("connect", "apps", "users", "groups", "setpassword", "user-completion",
			"confirm", "recent", "reports", "plots", "unpublished", "settings", "metrics", "tokens", "help", "login",
			"welcome", "register", "resetpassword", "content");

	private final Set<String> providers;

	private final AtomicBoolean running = new AtomicBoolean();

	private final ConcurrentLinkedQueue<UserLoggedIn> logins = new ConcurrentLinkedQueue<>();

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private Admin admin;

	private Thread thread;

	/**
	 * Answers sign-ins through these providers only; other tests' sign-ins are theirs.
	 */
	ProvisioningStandIn(Set<String> providers) {
		this.providers = Set.copyOf(providers);
	}

	static String refusalFor(String username) {
		return "The username '" + username + "' is not valid: it is a reserved name.";
	}

	void start(Infrastructure infrastructure) {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		RegistryProperties registry = new RegistryProperties(URI.create(infrastructure.registryUrl()), false);
		Map<String, Object> consumerProps = new HashMap<>(AvroSerdes.consumerProperties(registry));
		consumerProps.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		consumerProps.put("group.id", "sign-in-refusals-it-" + UUID.randomUUID());
		consumerProps.put("auto.offset.reset", "earliest");
		Map<String, Object> producerProps = new HashMap<>(AvroSerdes.producerProperties(registry));
		producerProps.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		this.admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()));
		KafkaConsumer<String, UserLoggedIn> consumer = new KafkaConsumer<>(consumerProps);
		consumer.subscribe(List.of(Topics.USER_LOGGED_IN.name()));
		KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerProps);
		this.thread = Thread.ofPlatform().daemon().name("provisioning-stand-in").start(() -> {
			try (consumer; producer) {
				while (this.running.get()) {
					for (ConsumerRecord<String, UserLoggedIn> record : consumer.poll(Duration.ofMillis(100))) {
						UserLoggedIn login = record.value();
						if (login == null || !this.providers.contains(login.getProvider())) {
							continue;
						}
						this.logins.add(login);
						try {
							producer.send(answer(login)).get();
						}
						catch (Exception ex) {
							System.err.println("provisioning stand-in failed to answer: " + ex);
						}
					}
					consumer.assignment()
						.forEach((partition) -> this.positions.put(partition, consumer.position(partition)));
				}
			}
		});
	}

	private static ProducerRecord<String, SpecificRecord> answer(UserLoggedIn login) {
		String username = login.getUsername();
		if (username != null && RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
			return new ProducerRecord<>(Topics.USER_LOGIN_REFUSED.name(), login.getUniqueId(),
					UserLoginRefused.newBuilder()
						.setEventId(SignInAnswers.eventId(login.getEventId(), SignInAnswers.REFUSED))
						.setOccurredAt(Instant.now())
						.setCorrelationId(login.getCorrelationId())
						.setProducer("user-provisioning")
						.setLoginEventId(login.getEventId())
						.setProvider(login.getProvider())
						.setIssuer(login.getIssuer())
						.setUniqueId(login.getUniqueId())
						.setSessionId(login.getSessionId())
						.setReason("invalid-username")
						.setMessage(refusalFor(username))
						.build());
		}
		String userId = UUID.nameUUIDFromBytes(login.getUniqueId().getBytes(StandardCharsets.UTF_8)).toString();
		return new ProducerRecord<>(Topics.USER_CHANGED.name(), userId,
				UserChanged.newBuilder()
					.setEventId(SignInAnswers.eventId(login.getEventId(), SignInAnswers.USER_CHANGED))
					.setOccurredAt(Instant.now())
					.setCorrelationId(login.getCorrelationId())
					.setProducer("user-provisioning")
					.setUserId(userId)
					.setUniqueId(login.getUniqueId())
					.setUsername((username != null) ? username : "derived")
					.setEmail(login.getEmail())
					.setFirstName(login.getFirstName())
					.setLastName(login.getLastName())
					.setRole("viewer")
					.setGroupIds((login.getGroups() != null) ? login.getGroups() : List.of())
					.setVersion(1)
					.build());
	}

	/**
	 * The UserLoggedIn events for this subject among everything published to the topic
	 * until now: waits (bounded) until the stand-in has read up to the topic's end.
	 */
	List<UserLoggedIn> loginsFor(String subject) throws Exception {
		awaitCaughtUp(Duration.ofSeconds(15));
		return this.logins.stream().filter((login) -> subject.equals(login.getUniqueId())).toList();
	}

	private void awaitCaughtUp(Duration bound) throws InterruptedException, ExecutionException, TimeoutException {
		String topic = Topics.USER_LOGGED_IN.name();
		List<TopicPartition> partitions = this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		Map<TopicPartition, Long> ends = this.admin
			.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get(10, TimeUnit.SECONDS)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		long deadline = System.nanoTime() + bound.toNanos();
		while (!ends.entrySet()
			.stream()
			.allMatch((end) -> this.positions.getOrDefault(end.getKey(), -1L) >= end.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new TimeoutException(
						"the stand-in did not read " + topic + " up to " + ends + " (read " + this.positions + ")");
			}
			Thread.sleep(50);
		}
	}

	@Override
	public void close() {
		this.running.set(false);
		if (this.thread != null) {
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
	}

}
