package dev.lanyard.provisioning.directory.adapter.kafka;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.User;
import org.apache.avro.specific.SpecificRecord;

/** Maps this service's events to the generated Avro records and their topics. */
final class AvroEvents {

	/** The {@code producer} of every event this service publishes. */
	static final String PRODUCER = "user-provisioning";

	private AvroEvents() {
	}

	static Topic<?> topicOf(ProvisioningEvent event) {
		return switch (event) {
			case ProvisioningEvent.UserChanged changed -> Topics.USER_CHANGED;
			case ProvisioningEvent.MembershipChanged changed -> Topics.GROUP_MEMBERSHIP_CHANGED;
			case ProvisioningEvent.UserDeactivated deactivated -> Topics.USER_DEACTIVATED;
			case ProvisioningEvent.LoginRefused refused -> Topics.USER_LOGIN_REFUSED;
			case ProvisioningEvent.ScimClientChanged changed -> Topics.SCIM_CLIENT_CHANGED;
		};
	}

	static SpecificRecord toAvro(ProvisioningEvent event) {
		return switch (event) {
			case ProvisioningEvent.UserChanged changed -> userChanged(changed);
			case ProvisioningEvent.MembershipChanged changed -> GroupMembershipChanged.newBuilder()
				.setEventId(changed.eventId())
				.setOccurredAt(changed.occurredAt())
				.setCorrelationId(changed.correlationId())
				.setProducer(PRODUCER)
				.setActorId(changed.actorId())
				.setUserId(changed.userId().toString())
				.setGroupId(changed.group().id().toString())
				.setGroupName(changed.group().name())
				.setChange(changed.added() ? "added" : "removed")
				.build();
			case ProvisioningEvent.UserDeactivated deactivated -> UserDeactivated.newBuilder()
				.setEventId(deactivated.eventId())
				.setOccurredAt(deactivated.occurredAt())
				.setCorrelationId(deactivated.correlationId())
				.setProducer(PRODUCER)
				.setActorId(deactivated.actorId())
				.setUserId(deactivated.userId().toString())
				.setReason(deactivated.reason())
				.build();
			case ProvisioningEvent.LoginRefused refused -> UserLoginRefused.newBuilder()
				.setEventId(refused.eventId())
				.setOccurredAt(refused.occurredAt())
				.setCorrelationId(refused.correlationId())
				.setProducer(PRODUCER)
				.setActorId(null)
				.setLoginEventId(refused.loginEventId())
				.setProvider(refused.provider())
				.setIssuer(refused.issuer())
				.setUniqueId(refused.uniqueId())
				.setUserId((refused.userId() != null) ? refused.userId().toString() : null)
				.setSessionId(refused.sessionId())
				.setReason(refused.reason().value())
				.setMessage(refused.message())
				.build();
			case ProvisioningEvent.ScimClientChanged changed -> ScimClientChanged.newBuilder()
				.setEventId(changed.eventId())
				.setOccurredAt(changed.occurredAt())
				.setCorrelationId(changed.correlationId())
				.setProducer(PRODUCER)
				.setActorId(changed.actorId())
				.setClientId(changed.clientId().toString())
				.setName(changed.name())
				.setAction(changed.action())
				.build();
		};
	}

	private static UserChanged userChanged(ProvisioningEvent.UserChanged changed) {
		User user = changed.user();
		return UserChanged.newBuilder()
			.setEventId(changed.eventId())
			.setOccurredAt(changed.occurredAt())
			.setCorrelationId(changed.correlationId())
			.setProducer(PRODUCER)
			.setActorId(changed.actorId())
			.setUserId(user.id().toString())
			.setUniqueId(user.uniqueId())
			.setUsername(user.username())
			.setEmail(user.email())
			.setFirstName(user.firstName())
			.setLastName(user.lastName())
			.setRole(user.role().value())
			.setLocked(user.locked())
			.setActive(user.active())
			.setGroupIds(changed.groupIds().stream().map(Object::toString).toList())
			.setVersion(user.version())
			.build();
	}

}
