package dev.lanyard.gateway.signin.application;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lanyard.gateway.signin.domain.SignInOutcome;

/**
 * Announces a sign-in and waits, bounded, for user-provisioning to say who the user now
 * is (or why they may not sign in), so a session never exists for an unknown or role-less
 * user.
 */
public final class CompleteSignIn {

	private final LoginAnnouncer announcer;

	private final PendingSignIns pending;

	private final Duration timeout;

	public CompleteSignIn(LoginAnnouncer announcer, PendingSignIns pending, Duration timeout) {
		if (announcer == null) {
			throw new IllegalArgumentException("announcer cannot be null");
		}
		if (pending == null) {
			throw new IllegalArgumentException("pending cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.announcer = announcer;
		this.pending = pending;
		this.timeout = timeout;
	}

	/**
	 * Completes with the outcome, or exceptionally with
	 * {@link SignInUnavailableException} when no answer came in time.
	 */
	public CompletableFuture<SignInOutcome> complete(SignInCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		CompletableFuture<SignInOutcome> outcome = this.pending.expect(command.loginEventId(),
				command.identity().uniqueId());
		this.announcer.announce(command).whenComplete((ignored, failure) -> {
			if (failure != null) {
				outcome.completeExceptionally(new SignInUnavailableException(
						"The sign-in could not be recorded; try again shortly", failure));
			}
		});
		return outcome.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
			if (failure == null) {
				// the user is already in the gateway's directory: the listener records it
				// before it answers the waiting sign-in
				return result;
			}
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof SignInUnavailableException unavailable) {
				throw unavailable;
			}
			if (cause instanceof TimeoutException) {
				throw new SignInUnavailableException(
						"User provisioning did not confirm the sign-in within " + this.timeout.toSeconds() + " s",
						cause);
			}
			throw new SignInUnavailableException("The sign-in failed", cause);
		});
	}

}
