package dev.lanyard.gateway.signin.application;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.gateway.signin.domain.SignInOutcome;
import dev.lanyard.gateway.signin.domain.UpstreamIdentity;
import dev.lanyard.platform.ids.SignInAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompleteSignInTest {

	private final PendingSignIns pending = new PendingSignIns();

	private final UserDirectory directory = new UserDirectory();

	private static final UpstreamIdentity ADA = new UpstreamIdentity("corp", "https://idp", "u-1", "ada", null, null,
			null, null, null, List.of("username"));

	private static final UUID LOGIN_1 = UUID.randomUUID();

	private static final UUID LOGIN_2 = UUID.randomUUID();

	private static SignInCommand command(UUID loginEventId) {
		return new SignInCommand(loginEventId, ADA, "s-1", "same-correlation-id", true);
	}

	private static UUID accepted(UUID login) {
		return SignInAnswers.eventId(login, SignInAnswers.USER_CHANGED);
	}

	private static UUID refused(UUID login) {
		return SignInAnswers.eventId(login, SignInAnswers.REFUSED);
	}

	@Test
	void completeWhenProvisioningAcceptsThenAccepted() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofSeconds(5));
		KnownUser user = new KnownUser("id-1", "u-1", "ada", null, null, null, "viewer", false, true, List.of(), 3);

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command(LOGIN_1));
		this.pending.answer(accepted(LOGIN_1), "u-1", new SignInOutcome.Accepted(user));

		assertThat(outcome.join()).isEqualTo(new SignInOutcome.Accepted(user));
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void completeWhenAnswerForAnotherSignInThenStillWaiting() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofSeconds(5));

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command(LOGIN_1));
		this.pending.answer(refused(LOGIN_2), "u-1", new SignInOutcome.Refused("locked", "Locked"));

		assertThat(outcome).isNotDone();
	}

	@Test
	void completeWhenProvisioningRefusesThenRefused() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofSeconds(5));

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command(LOGIN_1));
		this.pending.answer(refused(LOGIN_1), "u-1", new SignInOutcome.Refused("locked", "Your account is locked."));

		assertThat(outcome.join()).isEqualTo(new SignInOutcome.Refused("locked", "Your account is locked."));
	}

	@Test
	void completeWhenAnswerNamesAnotherPersonThenRefusedNotBound() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofSeconds(5));
		KnownUser mallory = new KnownUser("id-9", "u-9", "mallory", null, null, null, "administrator", false, true,
				List.of(), 1);

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command(LOGIN_1));
		this.pending.answer(accepted(LOGIN_1), "u-9", new SignInOutcome.Accepted(mallory));

		assertThat(outcome.join()).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo("identity-mismatch"));
	}

	@Test
	void completeWhenTwoSignInsShareACorrelationIdThenEachGetsItsOwnAnswer() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofSeconds(5));
		KnownUser ada = new KnownUser("id-1", "u-1", "ada", null, null, null, "viewer", false, true, List.of(), 1);

		CompletableFuture<SignInOutcome> first = signIn.complete(command(LOGIN_1));
		CompletableFuture<SignInOutcome> second = signIn.complete(command(LOGIN_2));
		this.pending.answer(refused(LOGIN_2), "u-1", new SignInOutcome.Refused("locked", "Locked"));
		this.pending.answer(accepted(LOGIN_1), "u-1", new SignInOutcome.Accepted(ada));

		assertThat(first.join()).isEqualTo(new SignInOutcome.Accepted(ada));
		assertThat(second.join()).isEqualTo(new SignInOutcome.Refused("locked", "Locked"));
	}

	@Test
	void expectWhenTheSameSignInWaitsTwiceThenRefusedAndTheFirstKeepsWaiting() {
		CompletableFuture<SignInOutcome> first = this.pending.expect(LOGIN_1, "u-1");
		assertThatIllegalStateException().isThrownBy(() -> this.pending.expect(LOGIN_1, "u-1"));
		KnownUser ada = new KnownUser("id-1", "u-1", "ada", null, null, null, "viewer", false, true, List.of(), 1);
		this.pending.answer(accepted(LOGIN_1), "u-1", new SignInOutcome.Accepted(ada));
		assertThat(first.join()).isEqualTo(new SignInOutcome.Accepted(ada));
	}

	@Test
	void completeWhenNoAnswerInTimeThenUnavailable() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending,
				Duration.ofMillis(50));

		assertThatThrownBy(() -> signIn.complete(command(LOGIN_1)).join()).isInstanceOf(CompletionException.class)
			.hasCauseInstanceOf(SignInUnavailableException.class)
			.cause()
			.hasMessageContaining("did not confirm");
		// dependents of a completed future run in no fixed order: the clean-up may trail
		long deadline = System.nanoTime() + 1_000_000_000L;
		while (this.pending.size() > 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void completeWhenKafkaDoesNotAcknowledgeThenUnavailable() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.failedFuture(new IllegalStateException("down")),
				this.pending, Duration.ofSeconds(5));

		assertThatThrownBy(() -> signIn.complete(command(LOGIN_1)).join())
			.hasCauseInstanceOf(SignInUnavailableException.class);
	}

	@Test
	void constructorWhenTimeoutZeroThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompleteSignIn((c) -> null, this.pending, Duration.ZERO))
			.withMessage("timeout must be positive");
	}

	@Test
	void constructorWhenAnnouncerNullThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompleteSignIn(null, this.pending, Duration.ofSeconds(1)))
			.withMessage("announcer cannot be null");
	}

	@Test
	void directoryWhenOlderSnapshotArrivesThenNewerKept() {
		KnownUser v2 = new KnownUser("id-1", "u-1", "ada", null, null, null, "publisher", false, true, List.of(), 2);
		KnownUser v1 = new KnownUser("id-1", "u-1", "ada", null, null, null, "viewer", false, true, List.of(), 1);

		this.directory.record(v2);
		this.directory.record(v1);

		assertThat(this.directory.find("id-1")).contains(v2);
	}

}
