package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OcsfClassTest {

	@Test
	void ofWhenSignInThenAuthenticationLogon() {
		assertThat(OcsfClass.of("UserLoggedIn")).isEqualTo(new OcsfClass(3002, "Authentication", 1, "Logon"));
		assertThat(OcsfClass.of("UserLoginRefused").classUid()).isEqualTo(3002);
	}

	@Test
	void ofWhenTokenIssuedThenAuthenticationServiceTicketRequest() {
		assertThat(OcsfClass.of("TokenIssued"))
			.isEqualTo(new OcsfClass(3002, "Authentication", 4, "Service Ticket Request"));
	}

	@Test
	void ofWhenUserChangesThenAccountChange() {
		assertThat(OcsfClass.of("UserChanged").classUid()).isEqualTo(3001);
		assertThat(OcsfClass.of("UserDeactivated")).isEqualTo(new OcsfClass(3001, "Account Change", 5, "Disable"));
	}

	@Test
	void ofWhenMemberAddedOrRemovedThenGroupManagementAddOrRemoveUser() {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), "GroupMembershipChanged", Instant.EPOCH, "c", "p", null,
				Subject.user("u"), null, null, null);
		assertThat(OcsfClass.of(event, new EventDetails.GroupMembership("u", "g", "n", "added")))
			.isEqualTo(new OcsfClass(3006, "Group Management", 3, "Add User"));
		assertThat(OcsfClass.of(event, new EventDetails.GroupMembership("u", "g", "n", "removed")).activityName())
			.isEqualTo("Remove User");
	}

	@Test
	void ofWhenIntegrationCreatedThenEntityManagementCreate() {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), "IntegrationChanged", Instant.EPOCH, "c", "p", null, null,
				null, "i", null);
		EventDetails created = new EventDetails.Integration("n", null, null, null, null, null, List.of(), null, null,
				List.of(), List.of(), 1L, false, true, List.of());
		assertThat(OcsfClass.of(event, created)).isEqualTo(new OcsfClass(3004, "Entity Management", 1, "Create"));
	}

	@Test
	void ofWhenScimClientCreatedRotatedRevokedThenEntityManagementCreateUpdateDelete() {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), "ScimClientChanged", Instant.EPOCH, "c", "p", "admin",
				new Subject("s-1", Subject.SCIM_CLIENT), null, null, null);
		assertThat(OcsfClass.of(event, new EventDetails.ScimClient("s-1", "okta", "created")).activityName())
			.isEqualTo("Create");
		assertThat(OcsfClass.of(event, new EventDetails.ScimClient("s-1", "okta", "rotated")).activityName())
			.isEqualTo("Update");
		assertThat(OcsfClass.of(event, new EventDetails.ScimClient("s-1", "okta", "revoked")))
			.isEqualTo(new OcsfClass(3004, "Entity Management", 4, "Delete"));
	}

}
