package dev.lanyard.audit.trail.adapter.kafka;

import java.time.Instant;
import java.util.List;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AvroEventMapperTest {

	private final AvroEventMapper mapper = new AvroEventMapper(Topics.ALL);

	@Test
	void constructorWhenTopicsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AvroEventMapper(null))
			.withMessage("topics cannot be null");
	}

	@Test
	void mapWhenTokenIssuedThenEveryField() {
		TokenIssued issued = TestEvents.tokenIssued().setActorId("admin-1").setIntegrationId("integration-3").build();
		AuditEvent event = this.mapper.map(Topics.TOKEN_ISSUED.name(), issued);
		assertThat(event.eventId()).isEqualTo(issued.getEventId());
		assertThat(event.eventType()).isEqualTo("TokenIssued");
		assertThat(event.occurredAt()).isEqualTo(TestEvents.NOW);
		assertThat(event.correlationId()).isEqualTo("corr-1");
		assertThat(event.producer()).isEqualTo("token-broker");
		assertThat(event.actorId()).isEqualTo("admin-1");
		assertThat(event.subject()).isEqualTo(new Subject("content-42", "content"));
		assertThat(event.contentId()).isEqualTo("content-42");
		assertThat(event.integrationId()).isEqualTo("integration-3");
		assertThat(event.token()).isEqualTo(new TokenFacts("content-session", "jti-1", "a".repeat(64),
				"client_credentials", List.of("read", "write"), List.of("content-42"), issued.getExpiresAt()));
	}

	@Test
	void mapWhenTokenSha256UpperCaseThenLowerCase() {
		TokenIssued issued = TestEvents.tokenIssued().setTokenSha256("AB".repeat(32)).build();
		assertThat(this.mapper.map(Topics.TOKEN_ISSUED.name(), issued).token().tokenSha256())
			.isEqualTo("ab".repeat(32));
	}

	@Test
	void mapWhenTokenRevokedForEveryTokenThenSubjectAndNoToken() {
		AuditEvent event = this.mapper.map(Topics.TOKEN_REVOKED.name(), TestEvents.tokenRevoked().build());
		assertThat(event.subject()).isEqualTo(Subject.user("user-7"));
		assertThat(event.integrationId()).isEqualTo("integration-3");
		assertThat(event.actorId()).isEqualTo("admin-1");
		assertThat(event.token()).isNull();
	}

	@Test
	void mapWhenTokenRevokedForOneTokenThenItsIdAndHash() {
		AuditEvent event = this.mapper.map(Topics.TOKEN_REVOKED.name(),
				TestEvents.tokenRevoked().setTokenId("jti-9").setTokenSha256("b".repeat(64)).build());
		assertThat(event.token()).isEqualTo(new TokenFacts(null, "jti-9", "b".repeat(64), null, null, null, null));
	}

	@Test
	void mapWhenUserChangedThenUserSubject() {
		AuditEvent event = this.mapper.map(Topics.USER_CHANGED.name(), TestEvents.userChanged().build());
		assertThat(event.eventType()).isEqualTo("UserChanged");
		assertThat(event.subject()).isEqualTo(Subject.user("user-7"));
		assertThat(event.token()).isNull();
	}

	@Test
	void mapWhenGroupMembershipChangedThenUserSubject() {
		AuditEvent event = this.mapper.map(Topics.GROUP_MEMBERSHIP_CHANGED.name(),
				TestEvents.groupMembershipChanged().build());
		assertThat(event.subject()).isEqualTo(Subject.user("user-7"));
	}

	@Test
	void mapWhenUserDeactivatedThenUserSubject() {
		AuditEvent event = this.mapper.map(Topics.USER_DEACTIVATED.name(), TestEvents.userDeactivated().build());
		assertThat(event.subject()).isEqualTo(Subject.user("user-7"));
	}

	@Test
	void mapWhenIntegrationChangedThenIntegrationId() {
		AuditEvent event = this.mapper.map(Topics.INTEGRATION_CHANGED.name(), TestEvents.integrationChanged().build());
		assertThat(event.integrationId()).isEqualTo("integration-3");
		assertThat(event.subject()).isNull();
	}

	@Test
	void mapWhenScimClientChangedThenScimClientSubjectAndActor() {
		AuditEvent event = this.mapper.map(Topics.SCIM_CLIENT_CHANGED.name(), TestEvents.scimClientChanged().build());
		assertThat(event.subject()).isEqualTo(new Subject("scim-client-1", Subject.SCIM_CLIENT));
		assertThat(event.actorId()).isEqualTo("admin-1");
		assertThat(event.userId()).isNull();
	}

	@Test
	void mapWhenUserLoggedInThenCommonFieldsOnly() {
		AuditEvent event = this.mapper.map(Topics.USER_LOGGED_IN.name(), TestEvents.userLoggedIn().build());
		assertThat(event.producer()).isEqualTo("auth-gateway");
		assertThat(event.subject()).isNull();
		assertThat(event.token()).isNull();
	}

	@Test
	void mapWhenTopicUnknownThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map("lanyard.other.thing.v1", TestEvents.tokenIssued().build()))
			.withMessage("Topic lanyard.other.thing.v1 is not one the audit trail reads");
	}

	@Test
	void mapWhenTypeDoesNotMatchTopicThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map(Topics.TOKEN_ISSUED.name(), TestEvents.userChanged().build()))
			.withMessage(
					"Expected TokenIssued on lanyard.credentials.token-issued.v1 but read dev.lanyard.events.UserChanged");
	}

	@Test
	void mapWhenNotAnAvroRecordThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map(Topics.TOKEN_ISSUED.name(), "text"))
			.withMessageContaining("but read java.lang.String");
	}

	@Test
	void mapWhenExpiryBeyondYear9999ThenUnreadableNamingField() {
		TokenIssued issued = TestEvents.tokenIssued().setExpiresAt(Instant.ofEpochMilli(Long.MAX_VALUE)).build();
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map(Topics.TOKEN_ISSUED.name(), issued))
			.withMessage("TokenIssued cannot be stored: expiresAt must lie between years 1 and 9999");
	}

	@Test
	void mapWhenSubjectIdBlankThenUnreadableNamingFieldNotValue() {
		TokenIssued issued = TestEvents.tokenIssued().setSubjectId(" ").build();
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map(Topics.TOKEN_ISSUED.name(), issued))
			.withMessage("TokenIssued cannot be stored: id cannot be blank");
	}

	@Test
	void mapWhenProducerBlankThenUnreadable() {
		TokenIssued issued = TestEvents.tokenIssued().setProducer("").build();
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.mapper.map(Topics.TOKEN_ISSUED.name(), issued))
			.withMessage("TokenIssued cannot be stored: producer cannot be blank");
	}

	@Test
	void mapWhenGroupMembershipChangedThenUserGroupAndSuccess() {
		AuditEvent event = this.mapper.map(Topics.GROUP_MEMBERSHIP_CHANGED.name(),
				TestEvents.groupMembershipChanged().build());
		assertThat(event.userId()).isEqualTo("user-7");
		assertThat(event.groupId()).isEqualTo("group-1");
		assertThat(event.outcome()).isEqualTo("success");
	}

	@Test
	void mapWhenTokenIssuedToUserThenUserIdIsSubject() {
		AuditEvent event = this.mapper.map(Topics.TOKEN_ISSUED.name(),
				TestEvents.tokenIssued().setSubjectId("user-9").setSubjectType("user").build());
		assertThat(event.userId()).isEqualTo("user-9");
	}

	@Test
	void mapWhenTokenIssuedToContentThenNoUserId() {
		assertThat(this.mapper.map(Topics.TOKEN_ISSUED.name(), TestEvents.tokenIssued().build()).userId()).isNull();
	}

}
