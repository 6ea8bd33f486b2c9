package dev.lanyard.audit.trail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventSource;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoggedIn;

/** Events for tests. */
public final class TestEvents {

	public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

	private TestEvents() {
	}

	public static TokenIssued.Builder tokenIssued() {
		return TokenIssued.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-1")
			.setProducer("token-broker")
			.setActorId(null)
			.setTokenId("jti-1")
			.setTokenSha256("a".repeat(64))
			.setTokenType("content-session")
			.setSubjectId("content-42")
			.setSubjectType("content")
			.setContentId("content-42")
			.setIntegrationId(null)
			.setScopes(List.of("read", "write"))
			.setAudience(List.of("content-42"))
			.setGrantType("client_credentials")
			.setIssuedAt(NOW)
			.setExpiresAt(NOW.plus(15, ChronoUnit.MINUTES));
	}

	public static TokenRevoked.Builder tokenRevoked() {
		return TokenRevoked.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-2")
			.setProducer("token-broker")
			.setActorId("admin-1")
			.setSubjectId("user-7")
			.setSubjectType("user")
			.setTokenId(null)
			.setTokenSha256(null)
			.setIntegrationId("integration-3")
			.setReason("user-deactivated");
	}

	public static UserLoggedIn.Builder userLoggedIn() {
		return UserLoggedIn.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-3")
			.setProducer("auth-gateway")
			.setProvider("okta")
			.setIssuer("https://idp.example.com")
			.setUniqueId("00u1")
			.setSessionId("session-1");
	}

	public static UserChanged.Builder userChanged() {
		return UserChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-4")
			.setProducer("user-provisioning")
			.setUserId("user-7")
			.setUsername("ada")
			.setRole("viewer")
			.setVersion(3);
	}

	public static GroupMembershipChanged.Builder groupMembershipChanged() {
		return GroupMembershipChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-5")
			.setProducer("user-provisioning")
			.setUserId("user-7")
			.setGroupId("group-1")
			.setGroupName("analysts")
			.setChange("added");
	}

	public static UserDeactivated.Builder userDeactivated() {
		return UserDeactivated.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-6")
			.setProducer("user-provisioning")
			.setUserId("user-7")
			.setReason("scim-deactivated");
	}

	public static IntegrationChanged.Builder integrationChanged() {
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-7")
			.setProducer("integration-registry")
			.setIntegrationId("integration-3")
			.setName("Snowflake")
			.setTemplate("snowflake")
			.setKind("service-account")
			.setTokenEndpoint("https://snowflake.example.com/oauth/token")
			.setClientId("lanyard")
			.setSecretVersion(1);
	}

	public static ScimClientChanged.Builder scimClientChanged() {
		return ScimClientChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(NOW)
			.setCorrelationId("corr-scim")
			.setProducer("user-provisioning")
			.setActorId("admin-1")
			.setClientId("scim-client-1")
			.setName("okta")
			.setAction("created");
	}

	public static AuditEvent auditEvent(UUID eventId, Instant occurredAt) {
		return new AuditEvent(eventId, "TokenIssued", occurredAt, "corr-1", "token-broker", null,
				new Subject("content-42", "content"), "content-42", null, new TokenFacts("content-session", "jti-1",
						"a".repeat(64), "client_credentials", List.of("read"), List.of("content-42"), occurredAt));
	}

	public static IncomingEvent incoming(AuditEvent event, long offset) {
		return new IncomingEvent(event, new EventSource("lanyard.credentials.token-issued.v1", 0, offset),
				"{\"eventId\":\"" + event.eventId() + "\"}");
	}

}
