package dev.lanyard.provisioning.signin.adapter.kafka;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.platform.kafka.consumer.ReadEvent;
import dev.lanyard.provisioning.signin.application.SignInOutcome;
import dev.lanyard.provisioning.signin.application.SignInUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Applies each sign-in. The container commits a record's offset only after this method
 * returns, that is after the transaction that applied it and published its outcome
 * committed; what it throws goes to the error handler (retry or dead letter).
 */
public final class UserLoggedInListener {

	private static final Logger logger = LoggerFactory.getLogger(UserLoggedInListener.class);

	private final SignInUser signIn;

	public UserLoggedInListener(SignInUser signIn) {
		if (signIn == null) {
			throw new IllegalArgumentException("signIn cannot be null");
		}
		this.signIn = signIn;
	}

	@KafkaListener(id = "user-provisioning-logins",
			topics = "#{T(dev.lanyard.platform.kafka.Topics).USER_LOGGED_IN.name()}",
			groupId = "${spring.kafka.consumer.group-id:user-provisioning}")
	public void onLogin(ConsumerRecord<String, ReadEvent<UserLoggedIn>> record) {
		if (record.value() == null) {
			return;
		}
		UserLoggedIn event = record.value().event();
		SignInOutcome outcome = this.signIn.signIn(SignInAttempts.of(event));
		switch (outcome) {
			case SignInOutcome.Accepted accepted ->
				logger.info("Sign-in {} via {} accepted for user {}{}: role {}, {} memberships added, {} removed",
						event.getEventId(), event.getProvider(), accepted.user().id(),
						accepted.registered() ? " (registered)" : "", accepted.user().role().value(),
						accepted.added().size(), accepted.removed().size());
			case SignInOutcome.Refused refused ->
				logger.info("Sign-in {} via {} refused: {}{}", event.getEventId(), event.getProvider(),
						refused.reason().value(), (refused.userId() != null) ? " (user " + refused.userId() + ")" : "");
			case SignInOutcome.Deactivated deactivated -> logger.info(
					"Sign-in {} via {} refused: user {} in no access group ({} memberships added, {} removed){}",
					event.getEventId(), event.getProvider(), deactivated.user().id(), deactivated.added().size(),
					deactivated.removed().size(), deactivated.deactivated() ? ", deactivated" : "");
			case SignInOutcome.AlreadyApplied applied ->
				logger.info("Sign-in {} was applied before; skipped {}", event.getEventId(), KafkaUtils.format(record));
		}
	}

}
