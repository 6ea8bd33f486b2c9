package dev.lanyard.gateway.signin.adapter.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.gateway.signin.application.PendingSignIns;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.application.UserSessions;
import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.gateway.signin.domain.SignInOutcome;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the gateway's user read model and answers waiting sign-ins. Every gateway
 * instance reads every record (its own consumer group), because a sign-in's answer must
 * reach the instance that waits for it and every instance serves {@code /api/me}.
 */
public final class UserEventsListener {

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final UserDirectory directory;

	private final PendingSignIns pending;

	private final UserSessions sessions;

	public UserEventsListener(UserDirectory directory, PendingSignIns pending, UserSessions sessions) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		if (pending == null) {
			throw new IllegalArgumentException("pending cannot be null");
		}
		if (sessions == null) {
			throw new IllegalArgumentException("sessions cannot be null");
		}
		this.directory = directory;
		this.pending = pending;
		this.sessions = sessions;
	}

	/** The topics read. */
	public String[] topics() {
		return new String[] { Topics.USER_CHANGED.name(), Topics.USER_LOGIN_REFUSED.name(),
				Topics.GROUP_MEMBERSHIP_CHANGED.name(), Topics.USER_DEACTIVATED.name() };
	}

	@KafkaListener(id = "gateway-user-events", groupId = "auth-gateway-${random.uuid}",
			topics = "#{__listener.topics()}", containerFactory = "userEventsContainerFactory",
			properties = { "auto.offset.reset=earliest" })
	public void on(ConsumerRecord<String, Object> record) {
		Object event = record.value();
		switch (event) {
			case UserChanged changed -> {
				KnownUser user = toUser(changed);
				this.directory.record(user, changed.getOccurredAt());
				this.pending.answer(changed.getEventId(), changed.getUniqueId(), new SignInOutcome.Accepted(user));
			}
			case UserLoginRefused refused -> this.pending.answer(refused.getEventId(), refused.getUniqueId(),
					new SignInOutcome.Refused(refused.getReason(), refused.getMessage()));
			case UserDeactivated deactivated -> {
				// every instance reads this: each marks the user, the first ends the
				// sessions (shared table), the others find none left
				if (!this.directory.deactivate(deactivated.getUserId(), deactivated.getOccurredAt())) {
					log.debug("Ignored deactivation of user {}: a later snapshot is held", deactivated.getUserId());
					return;
				}
				int ended = this.sessions.endAll(deactivated.getUserId());
				if (ended > 0) {
					log.info("Ended {} browser session(s) of deactivated user {}", ended, deactivated.getUserId());
				}
			}
			case GroupMembershipChanged membership ->
				this.directory.recordGroupName(membership.getGroupId(), membership.getGroupName());
			default -> log.debug("Ignored a {}", (event != null) ? event.getClass().getSimpleName() : "null record");
		}
	}

	static KnownUser toUser(UserChanged e) {
		List<String> groups = (e.getGroupIds() != null) ? e.getGroupIds() : List.of();
		return new KnownUser(e.getUserId(), e.getUniqueId(), e.getUsername(), e.getEmail(), e.getFirstName(),
				e.getLastName(), e.getRole(), e.getLocked(), e.getActive(), groups, e.getVersion());
	}

}
