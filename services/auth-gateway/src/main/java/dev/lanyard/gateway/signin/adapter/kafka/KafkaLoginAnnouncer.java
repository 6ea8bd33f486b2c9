package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.gateway.signin.application.LoginAnnouncer;
import dev.lanyard.gateway.signin.application.SignInCommand;
import dev.lanyard.gateway.signin.domain.UpstreamIdentity;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes UserLoggedIn, keyed by the person's unique id so one person's sign-ins stay
 * in order.
 */
public final class KafkaLoginAnnouncer implements LoginAnnouncer {

	private final KafkaTemplate<String, UserLoggedIn> kafka;

	public KafkaLoginAnnouncer(KafkaTemplate<String, UserLoggedIn> kafka) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<Void> announce(SignInCommand command) {
		UpstreamIdentity identity = command.identity();
		UserLoggedIn event = UserLoggedIn.newBuilder()
			.setEventId(command.loginEventId())
			.setOccurredAt(Instant.now())
			.setCorrelationId(command.correlationId())
			.setProducer("auth-gateway")
			.setActorId(null)
			.setProvider(identity.provider())
			.setIssuer(identity.issuer())
			.setUniqueId(identity.uniqueId())
			.setUsername(identity.username())
			.setEmail(identity.email())
			.setFirstName(identity.firstName())
			.setLastName(identity.lastName())
			.setGroups(identity.groups())
			.setRoleClaim(identity.roleClaim())
			.setSessionId(command.sessionId())
			.setClaimedFields(identity.claimedFields())
			.setRegisterOnFirstLogin(command.registerOnFirstLogin())
			.build();
		try {
			return this.kafka.send(Topics.USER_LOGGED_IN.name(), identity.uniqueId(), event).thenApply((sent) -> null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
