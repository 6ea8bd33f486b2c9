package dev.lanyard.tokenbroker.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import dev.lanyard.tokenbroker.issuance.AuditProperties;
import dev.lanyard.tokenbroker.issuance.DenialAggregationProperties;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AvroProducers;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.AuditEvents;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.KafkaAuditRecorder;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.WarmUpSamples;
import dev.lanyard.tokenbroker.issuance.adapter.metrics.AuditAckReadiness;
import dev.lanyard.tokenbroker.issuance.adapter.metrics.IssuanceMetrics;
import dev.lanyard.tokenbroker.issuance.application.AggregatingDenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.application.RevocationRecorder;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producers of TokenIssued, CredentialDenied and TokenRevoked events, tuned for a
 * request that waits for each ack.
 */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(15);

	@Bean
	KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate(KafkaProperties kafka, RegistryProperties registry,
			AuditProperties audit) {
		return AvroProducers.awaitedTemplate("TokenIssued", kafka, registry,
				AwaitedProducerSettings.forAckTimeout(audit.auditAckTimeout()));
	}

	/** In the readiness group ({@code management.endpoint.health.group.readiness}). */
	@Bean
	AuditAckReadiness auditAcksHealthIndicator(AuditProperties audit, Clock clock) {
		return new AuditAckReadiness(clock, audit.auditUnreadyFor());
	}

	@Bean
	IssuanceMetrics issuanceMetrics(MeterRegistry meters, AuditAckReadiness auditAcksHealthIndicator,
			AuditProperties audit) {
		return new IssuanceMetrics(meters, auditAcksHealthIndicator, audit.auditAckTimeout());
	}

	@Bean
	IssuanceAuditTrail issuanceAuditTrail(KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate,
			AuditProperties audit, IssuanceMetrics metrics) {
		return metrics.metered(new KafkaAuditRecorder<>(tokenIssuedKafkaTemplate, Topics.TOKEN_ISSUED,
				TokenIssuance::subjectId, AuditEvents::tokenIssued, audit.auditAckTimeout())::record);
	}

	@Bean
	KafkaTemplate<String, CredentialDenied> credentialDeniedKafkaTemplate(KafkaProperties kafka,
			RegistryProperties registry, AuditProperties audit) {
		return AvroProducers.awaitedTemplate("CredentialDenied", kafka, registry,
				AwaitedProducerSettings.forLateDelivery(audit.auditAckTimeout()));
	}

	@Bean
	AggregatingDenialRecorder denialRecorder(KafkaTemplate<String, CredentialDenied> credentialDeniedKafkaTemplate,
			AuditProperties audit, DenialAggregationProperties aggregation, Clock clock) {
		DenialRecorder kafka = new KafkaAuditRecorder<>(credentialDeniedKafkaTemplate, Topics.CREDENTIAL_DENIED,
				CredentialDenial::subjectId, AuditEvents::credentialDenied, audit.auditAckTimeout())::record;
		return new AggregatingDenialRecorder(kafka, aggregation.denialAggregationWindow(), 100_000, clock);
	}

	/** What the grants are given: every refusal counted, then aggregated. */
	@Bean
	@Primary
	DenialRecorder countedDenialRecorder(AggregatingDenialRecorder denialRecorder, IssuanceMetrics metrics) {
		return metrics.counted(denialRecorder);
	}

	/** Records the summaries of denial windows that are over. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService denialSummaries(AggregatingDenialRecorder denials,
			DenialAggregationProperties aggregation) {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("denial-summaries").daemon().factory());
		long every = Math.max(1000, aggregation.denialAggregationWindow().toMillis() / 2);
		scheduler.scheduleWithFixedDelay(denials::flushExpired, every, every, TimeUnit.MILLISECONDS);
		return scheduler;
	}

	@Bean
	KafkaTemplate<String, TokenRevoked> tokenRevokedKafkaTemplate(KafkaProperties kafka, RegistryProperties registry,
			AuditProperties audit) {
		return AvroProducers.awaitedTemplate("TokenRevoked", kafka, registry,
				AwaitedProducerSettings.forLateDelivery(audit.auditAckTimeout()));
	}

	@Bean
	RevocationRecorder revocationRecorder(KafkaTemplate<String, TokenRevoked> tokenRevokedKafkaTemplate,
			AuditProperties audit) {
		return new KafkaAuditRecorder<>(tokenRevokedKafkaTemplate, Topics.TOKEN_REVOKED, TokenRevocation::subjectId,
				AuditEvents::tokenRevoked, audit.auditAckTimeout())::record;
	}

	/**
	 * Warms the producers up once the service is up and before it reports itself ready to
	 * take traffic (listeners of ApplicationReadyEvent run before that), for at most 15
	 * s. Readiness waits only for TokenIssued's: a refusal is answered whether or not its
	 * CredentialDenied is acknowledged in time.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> auditProducerWarmUp(
			KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate,
			KafkaTemplate<String, CredentialDenied> credentialDeniedKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		Map<String, Object> serializerConfig = AvroProducers.properties(kafka, registry);
		ProducerWarmUp tokenIssued = new ProducerWarmUp("TokenIssued", tokenIssuedKafkaTemplate, serializerConfig,
				List.of(WarmUpSamples.tokenIssued()));
		ProducerWarmUp credentialDenied = new ProducerWarmUp("CredentialDenied", credentialDeniedKafkaTemplate,
				serializerConfig, List.of(WarmUpSamples.credentialDenied()));
		return (event) -> {
			credentialDenied.start();
			tokenIssued.run(WARM_UP_TIMEOUT);
		};
	}

}
