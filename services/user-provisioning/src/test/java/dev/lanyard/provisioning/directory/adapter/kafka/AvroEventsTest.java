package dev.lanyard.provisioning.directory.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvroEventsTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private final User user = User.create(UUID.randomUUID(), "ada", "https://idp", "sub-1",
			new User.Profile("ada@example.com", "Ada", null), Role.PUBLISHER, NOW);

	@Test
	void toAvroWhenUserChangedThenSnapshotOnCompactedTopic() {
		UUID groupId = UUID.randomUUID();
		ProvisioningEvent event = new ProvisioningEvent.UserChanged(UUID.randomUUID(), NOW, "corr", "admin",
				this.user.withLocked(true, NOW), List.of(groupId));

		UserChanged avro = (UserChanged) AvroEvents.toAvro(event);

		assertThat(AvroEvents.topicOf(event)).isEqualTo(Topics.USER_CHANGED);
		assertThat(event.key()).isEqualTo(this.user.id().toString());
		assertThat(avro.getRole()).isEqualTo("publisher");
		assertThat(avro.getLocked()).isTrue();
		assertThat(avro.getVersion()).isEqualTo(2);
		assertThat(avro.getGroupIds()).containsExactly(groupId.toString());
		assertThat(avro.getProducer()).isEqualTo("user-provisioning");
		assertThat(avro.getActorId()).isEqualTo("admin");
	}

	@Test
	void toAvroWhenMembershipRemovedThenChangeRemoved() {
		Group group = new Group(UUID.randomUUID(), "Engineers", null, NOW);
		GroupMembershipChanged avro = (GroupMembershipChanged) AvroEvents
			.toAvro(new ProvisioningEvent.MembershipChanged(UUID.randomUUID(), NOW, "corr", null, this.user.id(), group,
					false));
		assertThat(avro.getChange()).isEqualTo("removed");
		assertThat(avro.getGroupName()).isEqualTo("Engineers");
	}

	@Test
	void toAvroWhenLoginRefusedThenKeyedByUniqueIdWithReasonValue() {
		UUID loginEventId = UUID.randomUUID();
		ProvisioningEvent event = new ProvisioningEvent.LoginRefused(UUID.randomUUID(), NOW, "corr", loginEventId,
				"okta", "https://idp", "sub-1", null, "session", RefusalReason.INVALID_USERNAME, "The username ...");
		UserLoginRefused avro = (UserLoginRefused) AvroEvents.toAvro(event);
		assertThat(event.key()).isEqualTo("sub-1");
		assertThat(avro.getReason()).isEqualTo("invalid-username");
		assertThat(avro.getLoginEventId()).isEqualTo(loginEventId);
		assertThat(avro.getUserId()).isNull();
	}

}
