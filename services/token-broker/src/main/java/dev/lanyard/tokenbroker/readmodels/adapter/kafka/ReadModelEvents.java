package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lanyard.events.FederationTrust;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.SubjectRule;
import dev.lanyard.tokenbroker.federation.domain.UserField;
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
				event.getActive(), new HashSet<>(event.getGroupIds()), event.getVersion(), event.getOccurredAt(),
				event.getUniqueId(), event.getEmail());
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

	/** A federation integration's trust rule; its rule must be set. */
	static dev.lanyard.tokenbroker.federation.domain.FederationTrust federation(IntegrationChanged event) {
		FederationTrust rule = event.getFederation();
		if (rule == null) {
			throw new IllegalArgumentException("federation is required for the federation kinds");
		}
		Long lifetime = rule.getTokenLifetimeSeconds();
		Map<String, String> required = rule.getRequiredClaims()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((e) -> e.getKey().toString(), (e) -> e.getValue().toString()));
		return new dev.lanyard.tokenbroker.federation.domain.FederationTrust(event.getIntegrationId(),
				FederationKind.fromValue(event.getKind()), rule.getIssuer(),
				(rule.getJwksUri() != null) ? URI.create(rule.getJwksUri()) : null, rule.getStaticJwks(),
				new HashSet<>(rule.getAudiences()), new HashSet<>(rule.getAlgorithms()),
				Duration.ofSeconds(rule.getMaxTokenAgeSeconds()), Duration.ofSeconds(rule.getClockSkewSeconds()),
				rule.getAllowJtiReuse(), rule.getMatchClaim(), UserField.fromValue(rule.getUserField()), required,
				rule.getSubjectRules()
					.stream()
					.map((r) -> new SubjectRule(SubjectRule.Type.fromValue(r.getType()), r.getValue()))
					.toList(),
				rule.getContentId(), rule.getCreateUsers(),
				(lifetime != null && lifetime > 0) ? Duration.ofSeconds(lifetime) : null, event.getOccurredAt());
	}

}
