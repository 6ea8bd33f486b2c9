package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.gateway.signin.application.LoginAnnouncer;
import dev.lanyard.gateway.signin.application.SignInCommand;
import dev.lanyard.gateway.signin.domain.UpstreamIdentity;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AwaitedSend;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes UserLoggedIn, keyed by the person's unique id so one person's sign-ins stay
 * in order.
 */
public final class KafkaLoginAnnouncer implements LoginAnnouncer {

	/**
	 * How long a sign-in waits for Kafka's acknowledgement of its UserLoggedIn; it also
	 * bounds the producer, so a sign-in its person was told failed is never delivered.
	 */
	public static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

	private final AwaitedSend<UserLoggedIn> send;

	private final Clock clock;

	public KafkaLoginAnnouncer(KafkaTemplate<String, UserLoggedIn> kafka, Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.send = new AwaitedSend<>(kafka, ACK_TIMEOUT);
		this.clock = clock;
	}

	@Override
	public CompletableFuture<Void> announce(SignInCommand command) {
		UpstreamIdentity identity = command.identity();
		UserLoggedIn event = UserLoggedIn.newBuilder()
			.setEventId(command.loginEventId())
			.setOccurredAt(this.clock.instant())
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
		return this.send.sendAsync(new AwaitedSend.Outgoing<>(Topics.USER_LOGGED_IN.name(), identity.uniqueId(), event,
				"UserLoggedIn " + command.loginEventId()));
	}

}
