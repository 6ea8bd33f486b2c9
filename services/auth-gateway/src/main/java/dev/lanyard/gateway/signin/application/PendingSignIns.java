package dev.lanyard.gateway.signin.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.gateway.signin.domain.SignInOutcome;
import dev.lanyard.platform.ids.SignInAnswers;

/**
 * Sign-ins waiting for user-provisioning's answer, by the correlation id their
 * UserLoggedIn carried. Answers for sign-ins this instance does not wait for (another
 * gateway instance's, or a timed-out one) are ignored.
 */
public final class PendingSignIns {

	private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();

	private record Waiting(String uniqueId, CompletableFuture<SignInOutcome> outcome) {
	}

	/**
	 * Starts waiting for the answer to one sign-in; call before its UserLoggedIn is
	 * published so no answer is missed. The answer is known by its event id, which
	 * user-provisioning derives from {@code loginEventId}; a second waiter for the same
	 * sign-in is refused, never silently put in the first one's place.
	 */
	public CompletableFuture<SignInOutcome> expect(UUID loginEventId, String uniqueId) {
		if (loginEventId == null) {
			throw new IllegalArgumentException("loginEventId cannot be null");
		}
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		CompletableFuture<SignInOutcome> outcome = new CompletableFuture<>();
		Waiting entry = new Waiting(uniqueId, outcome);
		List<UUID> answers = List.of(SignInAnswers.eventId(loginEventId, SignInAnswers.USER_CHANGED),
				SignInAnswers.eventId(loginEventId, SignInAnswers.REFUSED));
		for (UUID answer : answers) {
			if (this.waiting.putIfAbsent(answer, entry) != null) {
				answers.forEach((key) -> this.waiting.remove(key, entry));
				throw new IllegalStateException("A sign-in with this login event id is already waiting");
			}
		}
		outcome.whenComplete((result, failure) -> answers.forEach((key) -> this.waiting.remove(key, entry)));
		return outcome;
	}

	/**
	 * Completes the sign-in this event answers, if any. An answer naming another person
	 * than the one who signed in is refused: the sign-in fails rather than bind the
	 * session to someone else.
	 */
	public void answer(UUID answerEventId, String uniqueId, SignInOutcome outcome) {
		if (outcome == null) {
			throw new IllegalArgumentException("outcome cannot be null");
		}
		Waiting pending = (answerEventId != null) ? this.waiting.get(answerEventId) : null;
		if (pending == null) {
			return;
		}
		if (!pending.uniqueId().equals(uniqueId)) {
			pending.outcome()
				.complete(new SignInOutcome.Refused("identity-mismatch",
						"The sign-in could not be confirmed for the identity that signed in; try again."));
			return;
		}
		pending.outcome().complete(outcome);
	}

	int size() {
		return this.waiting.size();
	}

}
