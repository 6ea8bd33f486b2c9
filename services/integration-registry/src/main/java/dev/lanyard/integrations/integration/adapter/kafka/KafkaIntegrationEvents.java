package dev.lanyard.integrations.integration.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lanyard.platform.kafka.SendFailures;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.application.IntegrationEvents;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes snapshots as {@link IntegrationChanged} on {@link Topics#INTEGRATION_CHANGED}
 * (compacted), keyed by the integration id, and waits for the acknowledgement for at most
 * the ack timeout, counted from the call.
 */
public final class KafkaIntegrationEvents implements IntegrationEvents {

	/** The {@code producer} of every event this service publishes. */
	public static final String PRODUCER = "integration-registry";

	private final KafkaOperations<String, IntegrationChanged> kafka;

	private final Duration ackTimeout;

	public KafkaIntegrationEvents(KafkaOperations<String, IntegrationChanged> kafka, Duration ackTimeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
			throw new IllegalArgumentException("ackTimeout must be positive");
		}
		this.kafka = kafka;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void publish(dev.lanyard.integrations.integration.domain.IntegrationChanged event) {
		if (event == null) {
			throw new IllegalArgumentException("event cannot be null");
		}
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		String key = event.integration().id().toString();
		CompletableFuture<SendResult<String, IntegrationChanged>> ack;
		try {
			ack = this.kafka.send(Topics.INTEGRATION_CHANGED.name(), key, toAvro(event));
		}
		catch (RuntimeException ex) {
			// metadata not available within max.block.ms, registry unreachable, ...
			throw new EventsUnavailableException(
					"IntegrationChanged for " + key + " could not be sent: " + SendFailures.describe(ex), ex);
		}
		try {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			ack.cancel(true);
			throw new EventsUnavailableException(
					"IntegrationChanged for " + key + " not acknowledged within " + this.ackTimeout.toMillis() + " ms",
					ex);
		}
		catch (ExecutionException ex) {
			throw new EventsUnavailableException(
					"IntegrationChanged for " + key + " not acknowledged: " + SendFailures.describe(ex.getCause()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventsUnavailableException("Interrupted while waiting for the IntegrationChanged ack", ex);
		}
	}

	/** The Avro record of a snapshot; it has no field for a secret. */
	static IntegrationChanged toAvro(dev.lanyard.integrations.integration.domain.IntegrationChanged event) {
		Integration integration = event.integration();
		IntegrationSettings settings = integration.settings();
		return IntegrationChanged.newBuilder()
			.setEventId(event.eventId())
			.setOccurredAt(event.occurredAt())
			.setCorrelationId(event.correlationId())
			.setProducer(PRODUCER)
			.setActorId(event.actorId())
			.setIntegrationId(integration.id().toString())
			.setName(settings.name())
			.setTemplate(settings.template())
			.setKind(settings.kind().value())
			.setAuthorizationEndpoint(settings.authorizationEndpoint())
			.setTokenEndpoint(settings.tokenEndpoint())
			.setClientId(settings.clientId())
			.setSecretVersion(integration.secretVersion())
			.setScopes(settings.scopes())
			.setAudience(settings.audience())
			.setMaxTokenLifetimeSeconds(
					(settings.maxTokenLifetime() != null) ? settings.maxTokenLifetime().toSeconds() : null)
			.setAllowedGroupIds(settings.allowedGroupIds())
			.setContentIds(integration.contentIds())
			.setDeleted(integration.deleted())
			.build();
	}

}
