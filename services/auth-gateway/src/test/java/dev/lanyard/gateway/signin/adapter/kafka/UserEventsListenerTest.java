package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
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

	private final List<String> endedSessionsOf = new java.util.ArrayList<>();

	private final UserEventsListener listener = new UserEventsListener(this.directory, this.pending, (userId) -> {
		this.endedSessionsOf.add(userId);
		return 1;
	});

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

	@Test
	void onWhenUserDeactivatedThenInactiveAndSessionsEnded() {
		this.listener.on(record(changed(UUID.randomUUID(), 5, true, T1)));

		this.listener.on(record(deactivated(T1)));

		assertThat(this.directory.find("id-1")).hasValueSatisfying((user) -> assertThat(user.active()).isFalse());
		assertThat(this.endedSessionsOf).containsExactly("id-1");
	}

	@Test
	void onWhenUserDeactivatedOfUnknownUserThenSessionsEnded() {
		this.listener.on(record(deactivated(T1)));

		assertThat(this.endedSessionsOf).containsExactly("id-1");
	}

	// A gateway reads every topic from the start at each restart, in no order across
	// topics: a deactivation already undone by a later reactivation must not end the
	// sessions the user opened since, nor mark them inactive.
	@Test
	void onWhenUserDeactivatedArrivesAfterLaterReactivationThenUserStaysActiveAndSessionsKept() {
		this.listener.on(record(changed(UUID.randomUUID(), 7, true, T2)));

		this.listener.on(record(deactivated(T1)));

		assertThat(this.directory.find("id-1")).hasValueSatisfying((user) -> assertThat(user.active()).isTrue());
		assertThat(this.endedSessionsOf).isEmpty();
	}

	private static final Instant T1 = Instant.parse("2026-12-05T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-12-05T10:05:00Z");

	private static UserDeactivated deactivated(Instant at) {
		return UserDeactivated.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(at)
			.setCorrelationId("c-2")
			.setProducer("user-provisioning")
			.setUserId("id-1")
			.setReason("admin-deactivated")
			.build();
	}

	private static UserChanged changed(UUID eventId, long version) {
		return changed(eventId, version, true, T1);
	}

	private static UserChanged changed(UUID eventId, long version, boolean active, Instant at) {
		return UserChanged.newBuilder()
			.setEventId(eventId)
			.setOccurredAt(at)
			.setActive(active)
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
