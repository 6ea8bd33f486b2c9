package dev.lanyard.gateway.signin.application;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.gateway.signin.domain.SignInOutcome;

/**
 * Sign-ins waiting for user-provisioning's answer, by the correlation id their
 * UserLoggedIn carried. Answers for sign-ins this instance does not wait for (another
 * gateway instance's, or a timed-out one) are ignored.
 */
public final class PendingSignIns {

	private final Map<String, CompletableFuture<SignInOutcome>> waiting = new ConcurrentHashMap<>();

	/**
	 * Starts waiting; call before the UserLoggedIn is published so no answer is missed.
	 */
	public CompletableFuture<SignInOutcome> expect(String correlationId) {
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		CompletableFuture<SignInOutcome> outcome = new CompletableFuture<>();
		this.waiting.put(correlationId, outcome);
		outcome.whenComplete((result, failure) -> this.waiting.remove(correlationId, outcome));
		return outcome;
	}

	/** Completes the sign-in waiting under this correlation id, if any. */
	public void answer(String correlationId, SignInOutcome outcome) {
		if (outcome == null) {
			throw new IllegalArgumentException("outcome cannot be null");
		}
		CompletableFuture<SignInOutcome> pending = (correlationId != null) ? this.waiting.get(correlationId) : null;
		if (pending != null) {
			pending.complete(outcome);
		}
	}

	int size() {
		return this.waiting.size();
	}

}
