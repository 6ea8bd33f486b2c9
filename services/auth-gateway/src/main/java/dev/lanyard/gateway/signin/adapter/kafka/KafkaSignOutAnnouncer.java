package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserSignedOut;
import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.platform.ids.Ids;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AwaitedSend;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * UserSignedOut on its topic, keyed by the user id; a person waits for it as for a
 * sign-in.
 */
public final class KafkaSignOutAnnouncer implements SignOutAnnouncer {

	private final AwaitedSend<UserSignedOut> send;

	private final Clock clock;

	public KafkaSignOutAnnouncer(KafkaTemplate<String, UserSignedOut> kafka, Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.send = new AwaitedSend<>(kafka, KafkaLoginAnnouncer.ACK_TIMEOUT);
		this.clock = clock;
	}

	@Override
	public CompletableFuture<Void> announce(String userId, String sessionId, String correlationId) {
		UserSignedOut event = UserSignedOut.newBuilder()
			.setEventId(Ids.uuid())
			.setOccurredAt(this.clock.instant())
			.setCorrelationId(correlationId)
			.setProducer("auth-gateway")
			.setActorId(userId)
			.setUserId(userId)
			.setSessionId(sessionId)
			.build();
		return this.send.sendAsync(new AwaitedSend.Outgoing<>(Topics.USER_SIGNED_OUT.name(), userId, event,
				"UserSignedOut of session " + sessionId));
	}

}
