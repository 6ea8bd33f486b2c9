package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Pays the first send's one-off costs before the service takes traffic, so the first
 * token request does not run into the ack timeout: the producer's connection, metadata
 * and producer id, and the serializer's registry client and schema lookup (a throwaway
 * serializer with the same settings serializes a sample event; nothing is sent). Best
 * effort and bounded: Kafka or the registry may still be starting.
 */
public final class TokenIssuedWarmUp {

	private static final Logger log = LoggerFactory.getLogger(TokenIssuedWarmUp.class);

	private final KafkaOperations<String, TokenIssued> kafka;

	private final Map<String, Object> serializerConfig;

	private final Duration timeout;

	public TokenIssuedWarmUp(KafkaOperations<String, TokenIssued> kafka, Map<String, Object> serializerConfig,
			Duration timeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (serializerConfig == null) {
			throw new IllegalArgumentException("serializerConfig cannot be null");
		}
		if (timeout == null || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout cannot be null or negative");
		}
		this.kafka = kafka;
		this.serializerConfig = Map.copyOf(serializerConfig);
		this.timeout = timeout;
	}

	/**
	 * Warms up for at most the timeout; what is not done by then goes on in the
	 * background.
	 */
	public void run() {
		long started = System.nanoTime();
		Thread warmUp = Thread.ofVirtual().name("token-issued-warm-up").start(this::warmUp);
		try {
			if (!warmUp.join(this.timeout)) {
				log.info("TokenIssued producer warm-up still running after {} ms; continuing in the background",
						this.timeout.toMillis());
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		log.info("TokenIssued producer warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void warmUp() {
		try {
			this.kafka.partitionsFor(Topics.TOKEN_ISSUED.name());
		}
		catch (RuntimeException ex) {
			log.info("Kafka not reachable yet for {}: {}", Topics.TOKEN_ISSUED.name(), ex.getClass().getSimpleName());
		}
		try (AvroKafkaSerializer<TokenIssued> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(this.serializerConfig, false);
			serializer.serialize(Topics.TOKEN_ISSUED.name(), sample());
		}
		catch (RuntimeException ex) {
			log.info("Schema registry not reachable yet for {}: {}", Topics.TOKEN_ISSUED.valueSubject(),
					ex.getClass().getSimpleName());
		}
	}

	private static TokenIssued sample() {
		Instant now = Instant.now();
		return TokenIssued.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(now)
			.setCorrelationId("warm-up")
			.setProducer(KafkaIssuanceAuditTrail.PRODUCER)
			.setTokenId("warm-up")
			.setTokenSha256("0".repeat(64))
			.setTokenType("content-session")
			.setSubjectId("warm-up")
			.setSubjectType("content")
			.setScopes(List.of())
			.setAudience(List.of())
			.setGrantType("client_credentials")
			.setIssuedAt(now)
			.setExpiresAt(now.plusSeconds(1))
			.build();
	}

}
