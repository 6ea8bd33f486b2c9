package dev.lanyard.audit.trail.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventDetailsReaderTest {

	private static final Map<String, Object> INTEGRATION = Map.of("name", "Snowflake", "template", "snowflake", "kind",
			"service-account", "tokenEndpoint", "https://s.example.com/token", "clientId", "lanyard", "secretVersion",
			1, "scopes", List.of("read"), "allowedGroupIds", List.of(), "contentIds", List.of(), "deleted", false);

	@Test
	void readWhenEventTypeBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventDetailsReader.read(" ", Map.of(), null))
			.withMessage("eventType cannot be blank");
	}

	@Test
	void readWhenGroupMembershipChangedThenGroupNameAndChange() {
		assertThat(EventDetailsReader.read("GroupMembershipChanged",
				Map.of("userId", "u-1", "groupId", "g-1", "groupName", "analysts", "change", "removed"), null))
			.isEqualTo(new EventDetails.GroupMembership("u-1", "g-1", "analysts", "removed"));
	}

	@Test
	void readWhenRetentionAppliedThenDayPeriodCountAndLeafRanges() {
		assertThat(EventDetailsReader.read("RetentionApplied",
				Map.of("day", "2026-05-01", "retention", "P180D", "removed", 3, "leafRanges",
						List.of(List.of(0, 1), List.of(5, 5), "not a range")),
				null))
			.isEqualTo(
					new EventDetails.Retention("2026-05-01", "P180D", 3L, List.of(List.of(0L, 1L), List.of(5L, 5L))));
	}

	@Test
	void readWhenIntegrationChangedWithoutPreviousThenCreated() {
		EventDetails.Integration details = (EventDetails.Integration) EventDetailsReader.read("IntegrationChanged",
				INTEGRATION, null);
		assertThat(details.created()).isTrue();
		assertThat(details.changes()).isEmpty();
		assertThat(details.secretVersion()).isEqualTo(1L);
	}

	@Test
	void readWhenIntegrationChangedThenFieldsBeforeAndAfterInSchemaOrder() {
		Map<String, Object> after = new java.util.HashMap<>(INTEGRATION);
		after.put("scopes", List.of("read", "write"));
		after.put("secretVersion", 2L);
		after.put("deleted", true);
		EventDetails.Integration details = (EventDetails.Integration) EventDetailsReader.read("IntegrationChanged",
				after, INTEGRATION);
		assertThat(details.created()).isFalse();
		assertThat(details.changes()).containsExactly(new EventDetails.FieldChange("secretVersion", 1L, 2L),
				new EventDetails.FieldChange("scopes", List.of("read"), List.of("read", "write")),
				new EventDetails.FieldChange("deleted", false, true));
	}

	@Test
	void readWhenSignInEventsThenProviderAndOutcome() {
		assertThat(EventDetailsReader.read("UserLoggedIn", Map.of("provider", "okta"), null))
			.isEqualTo(new EventDetails.SignIn("okta", null, null, null, "success"));
		assertThat(EventDetailsReader.read("UserLoginRefused", Map.of("provider", "okta", "reason", "locked"), null))
			.isEqualTo(new EventDetails.SignInRefused("okta", null, null, null, "locked", "failure"));
	}

	@Test
	void readWhenTokenRevokedThenReasonAndScope() {
		assertThat(EventDetailsReader.read("TokenRevoked", Map.of("reason", "leak", "tokenId", "jti-1"), null))
			.isEqualTo(new EventDetails.Revocation("leak", "token"));
		assertThat(EventDetailsReader.read("TokenRevoked", Map.of("reason", "r", "integrationId", "i-1"), null))
			.isEqualTo(new EventDetails.Revocation("r", "integration"));
		assertThat(EventDetailsReader.read("TokenRevoked", Map.of("reason", "user-deactivated"), null))
			.isEqualTo(new EventDetails.Revocation("user-deactivated", "all"));
	}

	@Test
	void readWhenUserChangedThenSnapshot() {
		assertThat(EventDetailsReader.read("UserChanged",
				Map.of("username", "ada", "role", "viewer", "locked", false, "active", true, "groupIds", List.of("g-1"),
						"version", 3),
				null))
			.isEqualTo(new EventDetails.User("ada", "viewer", false, true, List.of("g-1"), 3L));
	}

	@Test
	void readWhenTokenIssuedAndDeniedThenGrantAndReason() {
		assertThat(EventDetailsReader.read("TokenIssued",
				Map.of("grantType", "client_credentials", "scopes", List.of("read"), "expiresAt",
						"2026-01-01T00:00:00Z"),
				null))
			.isEqualTo(new EventDetails.Issuance(null, "client_credentials", List.of("read"), null, null,
					"2026-01-01T00:00:00Z", null, null, null, List.of()));
		assertThat(EventDetailsReader.read("CredentialDenied", Map.of("reason", "not-linked", "repeatCount", 2), null))
			.isEqualTo(new EventDetails.Denial("not-linked", null, null, null, 2L, null, null));
	}

	@Test
	void readWhenTokenIssuedByFederationOrDelegationOrForAUserThenThoseFields() {
		assertThat(EventDetailsReader.read("TokenIssued",
				Map.of("grantType", "urn:ietf:params:oauth:grant-type:token-exchange", "federatedIssuer",
						"https://ci.example.com", "federatedSubject", "repo:acme/app:ref:refs/heads/main",
						"onBehalfOfUserId", "u-1", "actorChain", List.of("content-a", "content-b")),
				null))
			.isInstanceOfSatisfying(EventDetails.Issuance.class, (issuance) -> {
				assertThat(issuance.federatedIssuer()).isEqualTo("https://ci.example.com");
				assertThat(issuance.federatedSubject()).isEqualTo("repo:acme/app:ref:refs/heads/main");
				assertThat(issuance.onBehalfOfUserId()).isEqualTo("u-1");
				assertThat(issuance.actorChain()).containsExactly("content-a", "content-b");
			});
	}

	@Test
	void readWhenCredentialDeniedForAFederatedTokenThenPresentedIssuerAndSubject() {
		assertThat(EventDetailsReader.read("CredentialDenied",
				Map.of("reason", "issuer-not-trusted", "federatedIssuer", "https://evil.example.com/",
						"federatedSubject", "someone"),
				null))
			.isEqualTo(new EventDetails.Denial("issuer-not-trusted", null, null, null, null,
					"https://evil.example.com/", "someone"));
	}

	@Test
	void readWhenFieldMistypedOrTypeUnknownThenAbsentNotRefused() {
		assertThat(EventDetailsReader.read("UserDeactivated", Map.of("reason", 42), null))
			.isEqualTo(new EventDetails.Deactivation(null, null));
		assertThat(EventDetailsReader.read("SomethingNew", null, null)).isEqualTo(new EventDetails.Unknown());
	}

}
