package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserChanged;
import dev.lanyard.gateway.signin.application.PendingSignIns;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.platform.ids.SignInAnswers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserEventsListenerTest {

	private final UserDirectory directory = new UserDirectory();

	private final PendingSignIns pending = new PendingSignIns();

	private final UserEventsListener listener = new UserEventsListener(this.directory, this.pending, (userId) -> 0);

	@Test
	void onWhenUserChangedAnswersASignInThenTheUserIsInTheDirectoryBeforeTheAnswer() {
		UUID login = UUID.randomUUID();
		CompletableFuture<Optional<KnownUser>> seenWhenAnswered = this.pending.expect(login, "u-1")
			.thenApply((outcome) -> this.directory.find("id-1"));

		this.listener.on(record(changed(SignInAnswers.eventId(login, SignInAnswers.USER_CHANGED), 3)));

		assertThat(seenWhenAnswered.join()).hasValueSatisfying((user) -> assertThat(user.version()).isEqualTo(3));
	}

	@Test
	void onWhenOlderSnapshotArrivesLaterThenTheNewerIsKept() {
		this.listener.on(record(changed(UUID.randomUUID(), 5)));
		this.listener.on(record(changed(UUID.randomUUID(), 4)));

		assertThat(this.directory.find("id-1")).hasValueSatisfying((user) -> assertThat(user.version()).isEqualTo(5));
	}

	private static UserChanged changed(UUID eventId, long version) {
		return UserChanged.newBuilder()
			.setEventId(eventId)
			.setOccurredAt(Instant.parse("2026-12-05T10:00:00Z"))
			.setCorrelationId("c-1")
			.setProducer("user-provisioning")
			.setUserId("id-1")
			.setUniqueId("u-1")
			.setUsername("ada")
			.setRole("viewer")
			.setGroupIds(List.of())
			.setVersion(version)
			.build();
	}

	private static ConsumerRecord<String, Object> record(Object value) {
		return new ConsumerRecord<>("topic", 0, 0L, "id-1", value);
	}

}
