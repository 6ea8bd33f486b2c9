package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserSignedOut;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.ReadEvent;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.integrations.application.UpdateIntegrationReadModel;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SessionEndListener;
import dev.lanyard.tokenbroker.sessions.application.SignIns;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.users.application.UpdateUserReadModel;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the user and integration read models from user-provisioning's and
 * integration-registry's events, in consumer group {@code token-broker}, from the
 * earliest offset. A record that cannot be used throws {@link UnreadableRecordException}
 * and is dead-lettered by the container's error handler; a database outage is retried.
 */
public final class ReadModelEventListener {

	/** The consumer group of every token-broker instance. */
	public static final String GROUP = "token-broker";

	private final UpdateUserReadModel users;

	private final UpdateIntegrationReadModel integrations;

	private final EndedSessions endedSessions;

	private final SignIns signIns;

	private final Clock clock;

	private final FederationTrusts federations;

	private final List<SessionEndListener> sessionEndListeners;

	public ReadModelEventListener(UpdateUserReadModel users, UpdateIntegrationReadModel integrations,
			EndedSessions endedSessions, SignIns signIns, Clock clock, FederationTrusts federations) {
		this(users, integrations, endedSessions, signIns, clock, federations, List.of());
	}

	/**
	 * As above, also telling {@code sessionEndListeners} of each sign-out once it is
	 * recorded.
	 */
	public ReadModelEventListener(UpdateUserReadModel users, UpdateIntegrationReadModel integrations,
			EndedSessions endedSessions, SignIns signIns, Clock clock, FederationTrusts federations,
			List<SessionEndListener> sessionEndListeners) {
		if (sessionEndListeners == null) {
			throw new IllegalArgumentException("sessionEndListeners cannot be null");
		}
		this.sessionEndListeners = List.copyOf(sessionEndListeners);
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (endedSessions == null || signIns == null) {
			throw new IllegalArgumentException("endedSessions and signIns cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (federations == null) {
			throw new IllegalArgumentException("federations cannot be null");
		}
		this.federations = federations;
		this.clock = clock;
		this.signIns = signIns;
		this.users = users;
		this.endedSessions = endedSessions;
		this.integrations = integrations;
	}

	/** The topics read. */
	public String[] topics() {
		return new String[] { Topics.USER_CHANGED.name(), Topics.USER_DEACTIVATED.name(), Topics.USER_SIGNED_OUT.name(),
				Topics.USER_LOGGED_IN.name(), Topics.INTEGRATION_CHANGED.name() };
	}

	@KafkaListener(id = "token-broker-read-models", topics = "#{__listener.topics()}", groupId = GROUP,
			containerFactory = "readModelContainerFactory")
	public void onRecord(ConsumerRecord<String, ReadEvent<SpecificRecord>> record)
			throws AuditTrailUnavailableException {
		if (record.value() == null) {
			onTombstone(record);
			return;
		}
		try {
			switch (record.value().event()) {
				case UserChanged changed -> {
					this.users.apply(ReadModelEvents.user(changed));
					this.signIns.answered(changed.getEventId(), changed.getUserId(), changed.getOccurredAt());
				}
				case UserLoggedIn login ->
					this.signIns.announced(login.getEventId(), login.getSessionId(), login.getOccurredAt());
				case UserDeactivated deactivated -> this.users.deactivate(ReadModelEvents.deactivation(deactivated));
				case IntegrationChanged changed when FederationKind.isFederation(changed.getKind()) ->
					onFederation(changed);
				case IntegrationChanged changed -> this.integrations.apply(ReadModelEvents.integration(changed));
				case UserSignedOut signedOut -> {
					this.endedSessions.end(signedOut.getSessionId(), signedOut.getUserId(), signedOut.getOccurredAt());
					for (SessionEndListener listener : this.sessionEndListeners) {
						listener.sessionEnded(signedOut.getSessionId(), signedOut.getUserId());
					}
				}
				default -> throw new UnreadableRecordException("Unexpected event type "
						+ record.value().event().getClass().getName() + " on " + record.topic());
			}
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// the event breaks a rule of the read model (blank id, bad URI, unknown kind,
			// ...)
			throw new UnreadableRecordException("Unusable " + record.value().event().getClass().getSimpleName() + ": "
					+ ex.getClass().getSimpleName() + " " + safeMessage(ex));
		}
	}

	/**
	 * A federation integration is a trust rule, not an OAuth client of an external
	 * service: it goes to the federation read model only (and leaves the integration read
	 * model, should the id have been another kind before).
	 */
	private void onFederation(IntegrationChanged changed) {
		this.integrations.remove(changed.getIntegrationId(), changed.getOccurredAt());
		if (changed.getDeleted()) {
			this.federations.remove(changed.getIntegrationId(), changed.getOccurredAt());
		}
		else {
			this.federations.apply(ReadModelEvents.federation(changed));
		}
	}

	private void onTombstone(ConsumerRecord<String, ReadEvent<SpecificRecord>> record) {
		if (Topics.INTEGRATION_CHANGED.name().equals(record.topic()) && record.key() != null) {
			Instant at = (record.timestampType() != TimestampType.NO_TIMESTAMP_TYPE)
					? Instant.ofEpochMilli(record.timestamp()) : this.clock.instant();
			this.integrations.remove(record.key(), at);
			this.federations.remove(record.key(), at);
		}
	}

	/**
	 * The domain's guard messages name arguments, never values; anything else is reduced
	 * to its type.
	 */
	private static String safeMessage(RuntimeException ex) {
		String message = ex.getMessage();
		return (ex instanceof IllegalArgumentException && message != null && message.length() <= 120) ? message : "";
	}

}
