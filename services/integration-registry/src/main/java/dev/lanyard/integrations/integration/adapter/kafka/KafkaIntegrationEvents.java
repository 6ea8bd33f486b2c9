package dev.lanyard.integrations.integration.adapter.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;

import dev.lanyard.events.FederationTrust;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.SubjectRule;
import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.application.IntegrationEvents;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AwaitedSend;
import dev.lanyard.platform.kafka.producer.UnacknowledgedSendException;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes snapshots as {@link IntegrationChanged} on {@link Topics#INTEGRATION_CHANGED}
 * (compacted), keyed by the integration id, and waits for the acknowledgement for at most
 * the ack timeout, counted from the call ({@link AwaitedSend}).
 */
public final class KafkaIntegrationEvents implements IntegrationEvents {

	/** The {@code producer} of every event this service publishes. */
	public static final String PRODUCER = "integration-registry";

	private final AwaitedSend<IntegrationChanged> send;

	public KafkaIntegrationEvents(KafkaOperations<String, IntegrationChanged> kafka, Duration ackTimeout) {
		this.send = new AwaitedSend<>(kafka, ackTimeout);
	}

	@Override
	public void publish(dev.lanyard.integrations.integration.domain.IntegrationChanged event) {
		if (event == null) {
			throw new IllegalArgumentException("event cannot be null");
		}
		String key = event.integration().id().toString();
		try {
			this.send.send(new AwaitedSend.Outgoing<>(Topics.INTEGRATION_CHANGED.name(), key, toAvro(event),
					"IntegrationChanged for " + key));
		}
		catch (UnacknowledgedSendException ex) {
			throw new EventsUnavailableException(ex.getMessage(), ex.getCause());
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
			.setDelegation((settings.delegation() != null) ? settings.delegation().value() : null)
			.setFederation(federation(settings.federation()))
			.build();
	}

	/** The rule as token-broker needs it: with the discovered JWKS location, if any. */
	private static FederationTrust federation(dev.lanyard.integrations.integration.domain.FederationTrust trust) {
		if (trust == null) {
			return null;
		}
		return FederationTrust.newBuilder()
			.setIssuer(trust.issuer())
			.setJwksUri(trust.jwksUri())
			.setStaticJwks(trust.staticJwks())
			.setAudiences(trust.audiences())
			.setAlgorithms(trust.algorithms())
			.setMaxTokenAgeSeconds(trust.maxTokenAge().toSeconds())
			.setClockSkewSeconds(trust.clockSkew().toSeconds())
			.setAllowJtiReuse(trust.allowJtiReuse())
			.setMatchClaim(trust.matchClaim())
			.setUserField(trust.userField())
			.setRequiredClaims(new LinkedHashMap<>(trust.requiredClaims()))
			.setSubjectRules(trust.subjectRules()
				.stream()
				.map((rule) -> SubjectRule.newBuilder().setType(rule.type().value()).setValue(rule.value()).build())
				.toList())
			.setContentId(trust.contentId())
			.setCreateUsers(trust.createUsers())
			.setTokenLifetimeSeconds((trust.tokenLifetime() != null) ? trust.tokenLifetime().toSeconds() : null)
			.build();
	}

}
