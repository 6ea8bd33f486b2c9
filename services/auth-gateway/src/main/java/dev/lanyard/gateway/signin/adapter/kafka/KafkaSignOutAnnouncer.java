package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserSignedOut;
import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.platform.ids.Ids;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/** UserSignedOut on its topic, keyed by the user id. */
public final class KafkaSignOutAnnouncer implements SignOutAnnouncer {

	private final KafkaTemplate<String, UserSignedOut> kafka;

	public KafkaSignOutAnnouncer(KafkaTemplate<String, UserSignedOut> kafka) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<Void> announce(String userId, String sessionId, String correlationId) {
		UserSignedOut event = UserSignedOut.newBuilder()
			.setEventId(Ids.uuid())
			.setOccurredAt(Instant.now())
			.setCorrelationId(correlationId)
			.setProducer("auth-gateway")
			.setActorId(userId)
			.setUserId(userId)
			.setSessionId(sessionId)
			.build();
		try {
			return this.kafka.send(Topics.USER_SIGNED_OUT.name(), userId, event).thenApply((sent) -> null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
