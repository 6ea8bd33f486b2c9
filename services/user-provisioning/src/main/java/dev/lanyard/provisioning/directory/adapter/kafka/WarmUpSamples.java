package dev.lanyard.provisioning.directory.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp.Sample;

/** An event per topic this service publishes, for the producer's warm-up (never sent). */
public final class WarmUpSamples {

	private static final UUID ID = new UUID(0, 0);

	private WarmUpSamples() {
	}

	public static List<Sample<?>> all() {
		return List.of(
				new Sample<>(Topics.USER_CHANGED,
						UserChanged.newBuilder()
							.setEventId(ID)
							.setOccurredAt(Instant.EPOCH)
							.setCorrelationId("warm-up")
							.setProducer(AvroEvents.PRODUCER)
							.setUserId("warm-up")
							.setUsername("warm-up")
							.setRole("viewer")
							.setVersion(0)
							.build()),
				new Sample<>(Topics.GROUP_MEMBERSHIP_CHANGED,
						GroupMembershipChanged.newBuilder()
							.setEventId(ID)
							.setOccurredAt(Instant.EPOCH)
							.setCorrelationId("warm-up")
							.setProducer(AvroEvents.PRODUCER)
							.setUserId("warm-up")
							.setGroupId("warm-up")
							.setGroupName("warm-up")
							.setChange("added")
							.build()),
				new Sample<>(Topics.USER_DEACTIVATED,
						UserDeactivated.newBuilder()
							.setEventId(ID)
							.setOccurredAt(Instant.EPOCH)
							.setCorrelationId("warm-up")
							.setProducer(AvroEvents.PRODUCER)
							.setUserId("warm-up")
							.setReason("warm-up")
							.build()),
				new Sample<>(Topics.USER_LOGIN_REFUSED,
						UserLoginRefused.newBuilder()
							.setEventId(ID)
							.setOccurredAt(Instant.EPOCH)
							.setCorrelationId("warm-up")
							.setProducer(AvroEvents.PRODUCER)
							.setLoginEventId(ID)
							.setProvider("warm-up")
							.setIssuer("warm-up")
							.setUniqueId("warm-up")
							.setSessionId("warm-up")
							.setReason("warm-up")
							.setMessage("warm-up")
							.build()),
				new Sample<>(Topics.SCIM_CLIENT_CHANGED,
						ScimClientChanged.newBuilder()
							.setEventId(ID)
							.setOccurredAt(Instant.EPOCH)
							.setCorrelationId("warm-up")
							.setProducer(AvroEvents.PRODUCER)
							.setClientId("warm-up")
							.setName("warm-up")
							.setAction("created")
							.build()));
	}

}
