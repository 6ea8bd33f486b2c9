package dev.lanyard.provisioning.service;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.kafka.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-ins published on Kafka become users, memberships and outcome events. */
class SignInIT extends ServiceTestSupport {

	@Test
	void signInWhenNewUserWithGroupsThenUserChangedAndOneMembershipEventEachWithSameCorrelationId() {
		String engineers = createGroup(unique("Engineers-"));
		String sales = createGroup(unique("Sales-"));
		String admins = createGroup(unique("Admins-"));
		String uniqueId = unique("okta-");
		String username = unique("ada");
		UserLoggedIn first = login(uniqueId, username, List.of(engineers, sales, "Not-Tracked")).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, first);

		ConsumerRecord<String, UserChanged> registered = kafka.awaitOne(UserChanged.class, first.getCorrelationId(),
				EVENTUALLY);
		UserChanged user = registered.value();
		assertThat(registered.key()).isEqualTo(user.getUserId());
		assertThat(user.getUsername()).isEqualTo(username);
		assertThat(user.getUniqueId()).isEqualTo(uniqueId);
		assertThat(user.getRole()).isEqualTo("viewer");
		assertThat(user.getLocked()).isFalse();
		assertThat(user.getVersion()).isEqualTo(1);
		assertThat(user.getProducer()).isEqualTo("user-provisioning");
		assertThat(user.getGroupIds()).hasSize(2);
		List<ConsumerRecord<String, GroupMembershipChanged>> joined = kafka.await(GroupMembershipChanged.class,
				first.getCorrelationId(), (list) -> list.size() >= 2, EVENTUALLY);
		assertThat(joined).extracting((r) -> r.value().getGroupName() + ":" + r.value().getChange())
			.containsExactlyInAnyOrder(engineers + ":added", sales + ":added");
		assertThat(joined).allSatisfy((r) -> assertThat(r.key()).isEqualTo(user.getUserId()));

		UserLoggedIn second = login(uniqueId, username, List.of(engineers, admins)).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, second);

		UserChanged updated = kafka.awaitOne(UserChanged.class, second.getCorrelationId(), EVENTUALLY).value();
		assertThat(updated.getUserId()).isEqualTo(user.getUserId());
		assertThat(updated.getVersion()).isEqualTo(2);
		List<ConsumerRecord<String, GroupMembershipChanged>> changed = kafka.await(GroupMembershipChanged.class,
				second.getCorrelationId(), (list) -> list.size() >= 2, EVENTUALLY);
		assertThat(changed).extracting((r) -> r.value().getGroupName() + ":" + r.value().getChange())
			.containsExactlyInAnyOrder(sales + ":removed", admins + ":added");
	}

	@Test
	void signInWhenRegistrationOffAndUnknownThenRefusedUnknownUserAndNoUser() {
		String uniqueId = unique("okta-");
		UserLoggedIn login = login(uniqueId, unique("grace"), null).setRegisterOnFirstLogin(false).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);

		ConsumerRecord<String, UserLoginRefused> refused = kafka.awaitOne(UserLoginRefused.class,
				login.getCorrelationId(), EVENTUALLY);
		assertThat(refused.key()).isEqualTo(uniqueId);
		assertThat(refused.value().getReason()).isEqualTo("unknown-user");
		assertThat(refused.value().getLoginEventId()).isEqualTo(login.getEventId());
		assertThat(refused.value().getSessionId()).isEqualTo(login.getSessionId());
		assertThat(refused.value().getUserId()).isNull();
		assertThat(refused.value().getMessage()).contains("administrator");
		assertThat(usersWithUniqueId(uniqueId)).isZero();
	}

	@Test
	void signInWhenClaimedUsernameReservedThenRefusedNamingRule() {
		String uniqueId = unique("okta-");
		UserLoggedIn login = login(uniqueId, "settings", null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);

		UserLoginRefused refused = kafka.awaitOne(UserLoginRefused.class, login.getCorrelationId(), EVENTUALLY).value();
		assertThat(refused.getReason()).isEqualTo("invalid-username");
		assertThat(refused.getMessage()).contains("'settings'").contains("reserved");
		assertThat(usersWithUniqueId(uniqueId)).isZero();
	}

	@Test
	void signInWhenNoUsernameClaimThenDerivedFromEmail() {
		String uniqueId = unique("google-");
		String local = unique("grace");
		UserLoggedIn login = login(uniqueId, null, null).setEmail(local + "+x@example.com")
			.setClaimedFields(List.of("email", "firstName", "lastName"))
			.build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);

		assertThat(kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUsername())
			.isEqualTo(local);
	}

	@Test
	void signInWhenSameEventRedeliveredThenAppliedOnce() {
		String uniqueId = unique("okta-");
		String username = unique("hedy");
		UserLoggedIn login = login(uniqueId, username, null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), 0, uniqueId, login);
		kafka.send(Topics.USER_LOGGED_IN.name(), 0, uniqueId, login);
		UserLoggedIn marker = login(uniqueId, username, null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), 0, uniqueId, marker);

		UserChanged after = kafka.awaitOne(UserChanged.class, marker.getCorrelationId(), EVENTUALLY).value();
		assertThat(after.getVersion()).isEqualTo(2);
		assertThat(kafka.await(UserChanged.class, login.getCorrelationId(), (list) -> false, java.time.Duration.ZERO))
			.hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM processed_login_events WHERE event_id = ?",
				Integer.class, login.getEventId()))
			.isEqualTo(1);
	}

	@Test
	void signInWhenMalformedRecordThenDeadLetteredAndPartitionKeepsFlowing() {
		String uniqueId = unique("okta-");
		byte[] garbage = new byte[48];
		ThreadLocalRandom.current().nextBytes(garbage);
		garbage[0] = 0x7f;
		RecordMetadata poison = kafka.sendRaw(Topics.USER_LOGGED_IN.name(), 1, uniqueId, garbage);
		UserLoggedIn valid = login(uniqueId, unique("katherine"), null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), 1, uniqueId, valid);

		kafka.awaitOne(UserChanged.class, valid.getCorrelationId(), EVENTUALLY);

		ConsumerRecord<String, byte[]> deadLetter = kafka.deadLetter(poison, EVENTUALLY).orElseThrow();
		assertThat(deadLetter.value()).isEqualTo(garbage);
		assertThat(deadLetter.key()).isEqualTo(uniqueId);
		assertThat(TestKafka.text(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("user-provisioning");
		assertThat(TestKafka.text(deadLetter, "kafka_dlt-exception-fqcn"))
			.isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
		assertThat(deadLetter.headers().lastHeader("springDeserializerExceptionValue")).isNull();
	}

	private int usersWithUniqueId(String uniqueId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM users WHERE unique_id = ?", Integer.class, uniqueId);
	}

	private String createGroup(String name) {
		Response created = admin("POST", "/api/admin/groups", "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return name;
	}

}
