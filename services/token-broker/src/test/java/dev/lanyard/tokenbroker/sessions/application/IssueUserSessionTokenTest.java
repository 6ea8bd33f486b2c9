package dev.lanyard.tokenbroker.sessions.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.application.UserArrivals;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssueUserSessionTokenTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final AwaitUser awaitUser = new AwaitUser(this.users, new UserArrivals());

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private static final UUID LOGIN = UUID.randomUUID();

	/** Sign-ins the read model holds, as {@code session|login|user}. */
	private final Set<String> signedIn = new HashSet<>(Set.of("s-1|" + LOGIN + "|u-1"));

	private final Set<String> ended = new HashSet<>();

	private final SignIns signIns = new SignIns() {

		@Override
		public void announced(UUID loginEventId, String sessionId, Instant at) {
		}

		@Override
		public void answered(UUID answerEventId, String userId, Instant at) {
		}

		@Override
		public boolean confirms(UUID loginEventId, String sessionId, String userId, Instant notBefore) {
			return IssueUserSessionTokenTest.this.signedIn.contains(sessionId + "|" + loginEventId + "|" + userId);
		}

	};

	private final EndedSessions endedSessions = new EndedSessions() {

		@Override
		public void end(String sessionId, String userId, Instant endedAt) {
			IssueUserSessionTokenTest.this.ended.add(sessionId);
		}

		@Override
		public boolean ended(String sessionId) {
			return IssueUserSessionTokenTest.this.ended.contains(sessionId);
		}

	};

	private final UserSessionTokenSigner signer = new UserSessionTokenSigner() {

		@Override
		public String sign(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt, String sessionId,
				UserTokenKind kind, String contentId) {
			return "signed-" + user.userId() + "-" + tokenId + "-" + kind + "-for-" + contentId;
		}

		@Override
		public List<String> audience(UserTokenKind kind) {
			return (kind == UserTokenKind.AUDIT) ? List.of("audit") : List.of("token-broker");
		}

	};

	private IssueUserSessionToken useCase(IssuanceAuditTrail trail) {
		return new IssueUserSessionToken(this.awaitUser, this.signer, trail, Duration.ofHours(1), Duration.ofMillis(50),
				CLOCK, this.signIns, this.endedSessions, Duration.ofHours(12));
	}

	@Test
	void issueWhenUserInGoodStandingThenRecordedThenIssued() throws Exception {
		this.users.apply(user("u-1", 2, false, true));
		UserSessionIssuance result = useCase(this.recorded::add).issue(
				new IssueUserSessionTokenCommand("gw", "u-1", 2L, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "corr"));
		assertThat(result).isInstanceOfSatisfying(UserSessionIssuance.Issued.class, (issued) -> {
			assertThat(issued.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(1)));
			assertThat(this.recorded).singleElement().satisfies((issuance) -> {
				assertThat(issuance.tokenSha256()).isEqualTo(TokenDigest.sha256Hex(issued.tokenValue()));
				assertThat(issuance.tokenType()).isEqualTo("user-session");
				assertThat(issuance.contentId()).isEqualTo("c-42");
				assertThat(issuance.subjectId()).isEqualTo("u-1");
				assertThat(issuance.subjectType()).isEqualTo("user");
				assertThat(issuance.actorId()).isEqualTo("gw");
				assertThat(issuance.grantType()).isEqualTo(IssueUserSessionToken.GRANT_TYPE);
				assertThat(issuance.audience()).containsExactly("token-broker");
			});
		});
		assertThat(result.toString()).doesNotContain("signed-");
	}

	@Test
	void issueWhenNoContentThenConnectionsTokenRecordedAsSuch() throws Exception {
		this.users.apply(user("u-1", 2, false, true));
		UserSessionIssuance result = useCase(this.recorded::add).issue(new IssueUserSessionTokenCommand("gw", "u-1", 2L,
				"s-1", LOGIN, UserTokenKind.CONNECTIONS, null, "corr"));
		assertThat(result).isInstanceOf(UserSessionIssuance.Issued.class);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo("user-connections");
			assertThat(issuance.contentId()).isNull();
		});
	}

	@Test
	void issueWhenAuditKindForAuditorThenAuditTokenRecordedAsSuch() throws Exception {
		this.users.apply(user("u-1", 2, "auditor"));
		UserSessionIssuance result = useCase(this.recorded::add)
			.issue(new IssueUserSessionTokenCommand("gw", "u-1", 2L, "s-1", LOGIN, UserTokenKind.AUDIT, null, "corr"));
		assertThat(result).isInstanceOf(UserSessionIssuance.Issued.class);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo("user-audit");
			assertThat(issuance.subjectType()).isEqualTo("user");
			assertThat(issuance.audience()).containsExactly("audit");
			assertThat(issuance.contentId()).isNull();
		});
	}

	@Test
	void issueWhenAuditKindForNonAuditorThenRefusedAndNothingRecorded() throws Exception {
		for (String role : List.of("viewer", "publisher", "administrator")) {
			this.users.apply(user("u-" + role, 1, role));
			this.signedIn.add("s-1|" + LOGIN + "|u-" + role);
			assertThat(useCase(this.recorded::add).issue(new IssueUserSessionTokenCommand("gw", "u-" + role, 1L, "s-1",
					LOGIN, UserTokenKind.AUDIT, null, "corr")))
				.isEqualTo(new UserSessionIssuance.Refused("The user is not an auditor"));
		}
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void commandWhenKindNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionTokenCommand("gw", "u-1", null, "s-1", LOGIN, null, null, "c"))
			.withMessage("kind cannot be null");
	}

	@Test
	void commandWhenContentIdWithGatewayKindThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IssueUserSessionTokenCommand("gw", "u-1", null, "s-1",
				LOGIN, UserTokenKind.AUDIT, "c-42", "c"));
	}

	@Test
	void issueWhenUnknownThenUnknownUser() throws Exception {
		assertThat(useCase(this.recorded::add).issue(new IssueUserSessionTokenCommand("gw", "nobody", null, "s-1",
				LOGIN, UserTokenKind.CONTENT, "c-42", "c")))
			.isInstanceOf(UserSessionIssuance.UnknownUser.class);
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void issueWhenLockedThenRefused() throws Exception {
		this.users.apply(user("u-1", 1, true, true));
		assertThat(useCase(this.recorded::add).issue(
				new IssueUserSessionTokenCommand("gw", "u-1", null, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "c")))
			.isEqualTo(new UserSessionIssuance.Refused("The user is locked"));
	}

	@Test
	void issueWhenInactiveThenRefused() throws Exception {
		this.users.apply(user("u-1", 1, false, false));
		assertThat(useCase(this.recorded::add).issue(
				new IssueUserSessionTokenCommand("gw", "u-1", null, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "c")))
			.isEqualTo(new UserSessionIssuance.Refused("The user is deactivated"));
	}

	@Test
	void issueWhenVersionBehindThenNotYetCurrent() throws Exception {
		this.users.apply(user("u-1", 1, false, true));
		assertThat(useCase(this.recorded::add)
			.issue(new IssueUserSessionTokenCommand("gw", "u-1", 7L, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "c")))
			.isInstanceOf(UserSessionIssuance.NotYetCurrent.class);
	}

	@Test
	void issueWhenAuditTrailDownThenNothingIssued() throws Exception {
		this.users.apply(user("u-1", 1, false, true));
		IssuanceAuditTrail down = (issuance) -> {
			throw new AuditTrailUnavailableException("down", null);
		};
		assertThat(useCase(down).issue(
				new IssueUserSessionTokenCommand("gw", "u-1", null, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "c")))
			.isInstanceOf(UserSessionIssuance.AuditTrailUnavailable.class);
	}

	@Test
	void issueWhenNoAnnouncedSignInBacksTheSessionThenRefusedAndNothingRecorded() throws Exception {
		this.users.apply(user("u-1", 2, false, true));
		UserSessionIssuance result = useCase(this.recorded::add).issue(new IssueUserSessionTokenCommand("gw", "u-1", 2L,
				"s-1", UUID.randomUUID(), UserTokenKind.CONTENT, "c-42", "corr"));
		assertThat(result).isInstanceOfSatisfying(UserSessionIssuance.Refused.class,
				(refused) -> assertThat(refused.reason()).contains("No sign-in"));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void issueWhenAnotherUsersSignInNamedThenRefused() throws Exception {
		this.users.apply(user("u-2", 1, false, true));
		assertThat(useCase(this.recorded::add).issue(
				new IssueUserSessionTokenCommand("gw", "u-2", 1L, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "corr")))
			.isInstanceOf(UserSessionIssuance.Refused.class);
	}

	@Test
	void issueWhenSessionSignedOutThenRefused() throws Exception {
		this.users.apply(user("u-1", 2, false, true));
		this.endedSessions.end("s-1", "u-1", CLOCK.instant());
		assertThat(useCase(this.recorded::add).issue(
				new IssueUserSessionTokenCommand("gw", "u-1", 2L, "s-1", LOGIN, UserTokenKind.CONTENT, "c-42", "corr")))
			.isInstanceOfSatisfying(UserSessionIssuance.Refused.class,
					(refused) -> assertThat(refused.reason()).contains("ended"));
	}

	@Test
	void constructorWhenUsersNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(null, this.signer, this.recorded::add, Duration.ofHours(1),
					Duration.ZERO, CLOCK, this.signIns, this.endedSessions, Duration.ofHours(12)))
			.withMessage("users cannot be null");
	}

	@Test
	void constructorWhenSignerNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(this.awaitUser, null, this.recorded::add, Duration.ofHours(1),
					Duration.ZERO, CLOCK, this.signIns, this.endedSessions, Duration.ofHours(12)))
			.withMessage("signer cannot be null");
	}

	@Test
	void constructorWhenAuditTrailNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(this.awaitUser, this.signer, null, Duration.ofHours(1),
					Duration.ZERO, CLOCK, this.signIns, this.endedSessions, Duration.ofHours(12)))
			.withMessage("auditTrail cannot be null");
	}

	@Test
	void constructorWhenTimeToLiveZeroThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(this.awaitUser, this.signer, this.recorded::add, Duration.ZERO,
					Duration.ZERO, CLOCK, this.signIns, this.endedSessions, Duration.ofHours(12)))
			.withMessage("timeToLive must be at least 1 second");
	}

	@Test
	void constructorWhenWaitNegativeThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(this.awaitUser, this.signer, this.recorded::add,
					Duration.ofHours(1), Duration.ofSeconds(-1), CLOCK, this.signIns, this.endedSessions,
					Duration.ofHours(12)))
			.withMessage("userWaitTimeout cannot be null or negative");
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionToken(this.awaitUser, this.signer, this.recorded::add,
					Duration.ofHours(1), Duration.ZERO, null, this.signIns, this.endedSessions, Duration.ofHours(12)))
			.withMessage("clock cannot be null");
	}

	@Test
	void commandWhenUserIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueUserSessionTokenCommand("gw", " ", null, "s-1", LOGIN, UserTokenKind.CONTENT,
					"c-42", "c"))
			.withMessage("userId cannot be blank");
	}

	private static UserSnapshot user(String id, long version, String role) {
		return new UserSnapshot(id, "ann", role, false, true, Set.of(), version, Instant.parse("2026-11-25T09:00:00Z"));
	}

	private static UserSnapshot user(String id, long version, boolean locked, boolean active) {
		return new UserSnapshot(id, "ann", "viewer", locked, active, Set.of(), version,
				Instant.parse("2026-11-25T09:00:00Z"));
	}

}
