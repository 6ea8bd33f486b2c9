package dev.lanyard.integrations.integration.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class KafkaIntegrationEventsTest {

	@SuppressWarnings("unchecked")
	private final KafkaOperations<String, IntegrationChanged> kafka = mock(KafkaOperations.class);

	private final KafkaIntegrationEvents events = new KafkaIntegrationEvents(this.kafka, Duration.ofMillis(200));

	@Test
	void toAvroWhenSnapshotThenEveryFieldMapped() {
		dev.lanyard.integrations.integration.domain.IntegrationChanged event = event(false);
		IntegrationChanged avro = KafkaIntegrationEvents.toAvro(event);
		assertThat(avro.getEventId()).isEqualTo(event.eventId());
		assertThat(avro.getProducer()).isEqualTo("integration-registry");
		assertThat(avro.getActorId()).isEqualTo("admin-1");
		assertThat(avro.getCorrelationId()).isEqualTo("corr-1");
		assertThat(avro.getIntegrationId()).isEqualTo(event.integration().id().toString());
		assertThat(avro.getKind()).isEqualTo("viewer");
		assertThat(avro.getTemplate()).isEqualTo("github");
		assertThat(avro.getAuthorizationEndpoint()).isEqualTo("https://github.com/login/oauth/authorize");
		assertThat(avro.getSecretVersion()).isEqualTo(2);
		assertThat(avro.getScopes()).containsExactly("repo");
		assertThat(avro.getMaxTokenLifetimeSeconds()).isEqualTo(3600L);
		assertThat(avro.getAllowedGroupIds()).containsExactly("g-1");
		assertThat(avro.getContentIds()).containsExactly("c-1", "c-2");
		assertThat(avro.getDeleted()).isFalse();
		assertThat(avro.getSchema().getFields()).noneMatch(
				(field) -> field.name().toLowerCase().contains("secret") && !field.name().equals("secretVersion"));
	}

	@Test
	void toAvroWhenDeletedThenFlagged() {
		assertThat(KafkaIntegrationEvents.toAvro(event(true)).getDeleted()).isTrue();
	}

	@Test
	void publishWhenAcknowledgedThenSentKeyedByIntegrationId() {
		dev.lanyard.integrations.integration.domain.IntegrationChanged event = event(false);
		given(this.kafka.send(eq(Topics.INTEGRATION_CHANGED.name()), eq(event.integration().id().toString()), any()))
			.willReturn(CompletableFuture.completedFuture(null));
		this.events.publish(event);
		verify(this.kafka).send(eq(Topics.INTEGRATION_CHANGED.name()), eq(event.integration().id().toString()),
				any(IntegrationChanged.class));
	}

	@Test
	void publishWhenAckNeverComesThenUnavailableWithinTimeout() {
		given(this.kafka.send(any(), any(), any())).willReturn(new CompletableFuture<>());
		long started = System.nanoTime();
		assertThatExceptionOfType(EventsUnavailableException.class).isThrownBy(() -> this.events.publish(event(false)))
			.withMessageContaining("not acknowledged within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void publishWhenSendFailsThenUnavailable() {
		CompletableFuture<SendResult<String, IntegrationChanged>> failed = CompletableFuture
			.failedFuture(new TimeoutException("metadata"));
		given(this.kafka.send(any(), any(), any())).willReturn(failed);
		assertThatExceptionOfType(EventsUnavailableException.class).isThrownBy(() -> this.events.publish(event(false)))
			.withMessageContaining("not acknowledged: TimeoutException");
	}

	@Test
	void publishWhenSendThrowsThenUnavailable() {
		given(this.kafka.send(any(), any(), any())).willThrow(new TimeoutException("max.block.ms"));
		assertThatExceptionOfType(EventsUnavailableException.class).isThrownBy(() -> this.events.publish(event(false)))
			.withMessageContaining("could not be sent");
	}

	@Test
	void constructorWhenTimeoutZeroThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaIntegrationEvents(this.kafka, Duration.ZERO))
			.withMessage("ackTimeout must be positive");
	}

	private static dev.lanyard.integrations.integration.domain.IntegrationChanged event(boolean deleted) {
		IntegrationSettings settings = new IntegrationSettings("GitHub", "", "github", IntegrationKind.VIEWER,
				"https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token", "client-1",
				List.of("repo"), null, Duration.ofHours(1), List.of("g-1"), null, null);
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		Integration integration = new Integration(UUID.randomUUID(), settings, 2, List.of("c-1", "c-2"), 3, now,
				"admin-1", now, "admin-1", deleted);
		return new dev.lanyard.integrations.integration.domain.IntegrationChanged(UUID.randomUUID(), now, "corr-1",
				"admin-1", integration);
	}

}
