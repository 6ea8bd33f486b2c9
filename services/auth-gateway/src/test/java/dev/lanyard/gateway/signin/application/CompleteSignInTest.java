package dev.lanyard.gateway.signin.application;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.gateway.signin.domain.SignInOutcome;
import dev.lanyard.gateway.signin.domain.UpstreamIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompleteSignInTest {

	private final PendingSignIns pending = new PendingSignIns();

	private final UserDirectory directory = new UserDirectory();

	private static final UpstreamIdentity ADA = new UpstreamIdentity("corp", "https://idp", "u-1", "ada", null, null,
			null, null, null, List.of("username"));

	private static SignInCommand command(String correlationId) {
		return new SignInCommand(ADA, "s-1", correlationId, true);
	}

	@Test
	void completeWhenProvisioningAcceptsThenAcceptedAndUserKnownToDirectory() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending, this.directory,
				Duration.ofSeconds(5));
		KnownUser user = new KnownUser("id-1", "u-1", "ada", null, null, null, "viewer", false, true, List.of(), 3);

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command("c-1"));
		this.pending.answer("c-1", new SignInOutcome.Accepted(user));

		assertThat(outcome.join()).isEqualTo(new SignInOutcome.Accepted(user));
		assertThat(this.directory.find("id-1")).contains(user);
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void completeWhenAnswerForAnotherSignInThenStillWaiting() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending, this.directory,
				Duration.ofSeconds(5));

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command("c-1"));
		this.pending.answer("c-2", new SignInOutcome.Refused("locked", "Locked"));

		assertThat(outcome).isNotDone();
	}

	@Test
	void completeWhenProvisioningRefusesThenRefused() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending, this.directory,
				Duration.ofSeconds(5));

		CompletableFuture<SignInOutcome> outcome = signIn.complete(command("c-1"));
		this.pending.answer("c-1", new SignInOutcome.Refused("locked", "Your account is locked."));

		assertThat(outcome.join()).isEqualTo(new SignInOutcome.Refused("locked", "Your account is locked."));
	}

	@Test
	void completeWhenNoAnswerInTimeThenUnavailable() {
		var signIn = new CompleteSignIn((c) -> CompletableFuture.completedFuture(null), this.pending, this.directory,
				Duration.ofMillis(50));

		assertThatThrownBy(() -> signIn.complete(command("c-1")).join()).isInstanceOf(CompletionException.class)
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
				this.pending, this.directory, Duration.ofSeconds(5));

		assertThatThrownBy(() -> signIn.complete(command("c-1")).join())
			.hasCauseInstanceOf(SignInUnavailableException.class);
	}

	@Test
	void constructorWhenTimeoutZeroThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompleteSignIn((c) -> null, this.pending, this.directory, Duration.ZERO))
			.withMessage("timeout must be positive");
	}

	@Test
	void constructorWhenAnnouncerNullThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompleteSignIn(null, this.pending, this.directory, Duration.ofSeconds(1)))
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
