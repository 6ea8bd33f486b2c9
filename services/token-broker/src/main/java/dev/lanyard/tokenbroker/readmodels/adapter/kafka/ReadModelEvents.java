package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.tokenbroker.integrations.domain.Delegation;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.users.application.DeactivateUser;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Maps the consumed Avro events to the read models' own records. */
final class ReadModelEvents {

	private ReadModelEvents() {
	}

	static UserSnapshot user(UserChanged event) {
		return new UserSnapshot(event.getUserId(), event.getUsername(), event.getRole(), event.getLocked(),
				event.getActive(), new HashSet<>(event.getGroupIds()), event.getVersion(), event.getOccurredAt());
	}

	static DeactivateUser deactivation(UserDeactivated event) {
		return new DeactivateUser(event.getEventId(), event.getUserId(), event.getOccurredAt(), event.getActorId(),
				event.getCorrelationId());
	}

	static Integration integration(IntegrationChanged event) {
		Long maxLifetime = event.getMaxTokenLifetimeSeconds();
		return new Integration(event.getIntegrationId(), event.getName(), IntegrationKind.fromValue(event.getKind()),
				URI.create(event.getTokenEndpoint()),
				(event.getAuthorizationEndpoint() != null) ? URI.create(event.getAuthorizationEndpoint()) : null,
				event.getClientId(), event.getSecretVersion(), new HashSet<>(event.getScopes()), event.getAudience(),
				(maxLifetime != null && maxLifetime > 0) ? Duration.ofSeconds(maxLifetime) : null,
				new HashSet<>(event.getAllowedGroupIds()), new HashSet<>(event.getContentIds()), event.getDeleted(),
				event.getOccurredAt(), Delegation.fromValue(event.getDelegation()));
	}

}
