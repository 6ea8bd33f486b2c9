package dev.lanyard.integrations.integration.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.domain.Delegation;
import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.integration.domain.SubjectRule;
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
	void toAvroWhenWorkloadFederationThenIssuerAsTokenEndpointAndEveryRuleFieldMapped() {
		FederationTrust trust = new FederationTrust("https://token.actions.githubusercontent.com",
				"https://token.actions.githubusercontent.com/.well-known/jwks", true, null, List.of("lanyard"),
				List.of("RS256"), Duration.ofMinutes(5), Duration.ofSeconds(30), true, "sub", "unique-id",
				Map.of("repository", "acme/app"), List.of(new SubjectRule(SubjectRule.Type.PREFIX, "repo:acme/app:")),
				"content-ci-1", false, Duration.ofMinutes(10));
		IntegrationSettings settings = new IntegrationSettings("CI", "", "github-actions",
				IntegrationKind.WORKLOAD_FEDERATION, null, trust.issuer(), "", List.of(), null, null, List.of(), null,
				trust);
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		IntegrationChanged avro = KafkaIntegrationEvents
			.toAvro(new dev.lanyard.integrations.integration.domain.IntegrationChanged(UUID.randomUUID(), now, "corr-1",
					"admin-1", new Integration(UUID.randomUUID(), settings, 0, List.of(), 1, now, "admin-1", now,
							"admin-1", false)));
		assertThat(avro.getKind()).isEqualTo("workload-federation");
		assertThat(avro.getTokenEndpoint()).isEqualTo("https://token.actions.githubusercontent.com");
		assertThat(avro.getClientId()).isEmpty();
		assertThat(avro.getDelegation()).isNull();
		dev.lanyard.events.FederationTrust rule = avro.getFederation();
		assertThat(rule.getIssuer()).isEqualTo("https://token.actions.githubusercontent.com");
		assertThat(rule.getJwksUri()).isEqualTo("https://token.actions.githubusercontent.com/.well-known/jwks");
		assertThat(rule.getStaticJwks()).isNull();
		assertThat(rule.getAudiences()).containsExactly("lanyard");
		assertThat(rule.getAlgorithms()).containsExactly("RS256");
		assertThat(rule.getMaxTokenAgeSeconds()).isEqualTo(300);
		assertThat(rule.getClockSkewSeconds()).isEqualTo(30);
		assertThat(rule.getAllowJtiReuse()).isTrue();
		assertThat(rule.getMatchClaim()).isEqualTo("sub");
		assertThat(rule.getUserField()).isEqualTo("unique-id");
		assertThat(rule.getRequiredClaims()).containsEntry("repository", "acme/app");
		assertThat(rule.getSubjectRules()).singleElement().satisfies((subject) -> {
			assertThat(subject.getType()).isEqualTo("prefix");
			assertThat(subject.getValue()).isEqualTo("repo:acme/app:");
		});
		assertThat(rule.getContentId()).isEqualTo("content-ci-1");
		assertThat(rule.getCreateUsers()).isFalse();
		assertThat(rule.getTokenLifetimeSeconds()).isEqualTo(600L);
	}

	@Test
	void toAvroWhenViewerWithDelegationThenDelegationMapped() {
		IntegrationSettings settings = new IntegrationSettings("Entra OBO", "", "microsoft-entra",
				IntegrationKind.VIEWER, null, "https://login.microsoftonline.com/contoso/oauth2/v2.0/token", "client-1",
				List.of("api://warehouse/.default"), null, null, List.of(), Delegation.JWT_BEARER_OBO, null);
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		IntegrationChanged avro = KafkaIntegrationEvents
			.toAvro(new dev.lanyard.integrations.integration.domain.IntegrationChanged(UUID.randomUUID(), now, "corr-1",
					"admin-1", new Integration(UUID.randomUUID(), settings, 1, List.of(), 1, now, "admin-1", now,
							"admin-1", false)));
		assertThat(avro.getDelegation()).isEqualTo("jwt-bearer-obo");
		assertThat(avro.getAuthorizationEndpoint()).isNull();
		assertThat(avro.getFederation()).isNull();
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
