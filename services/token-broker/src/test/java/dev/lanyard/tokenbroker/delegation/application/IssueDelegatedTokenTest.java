package dev.lanyard.tokenbroker.delegation.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.testing.time.MutableClock;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.delegation.domain.DelegatedToken;
import dev.lanyard.tokenbroker.delegation.application.Delegation.Refusal;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssueDelegatedTokenTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final String AUDIENCE = "https://reports.example";

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final List<DelegatedToken> signed = new ArrayList<>();

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	private final DelegatedTokenSigner signer = (token) -> {
		this.signed.add(token);
		return "signed-" + token.tokenId();
	};

	private final IssueDelegatedToken useCase = new IssueDelegatedToken(List.of(AUDIENCE), Duration.ofMinutes(10),
			this.users, this.signer, this.recorded::add, this.denials::add, this.clock);

	@Test
	void issueWhenActorMayActThenTokenForUserNamingActorAndRecordedFirst() {
		this.users.apply(user("u-1", false, true));
		Delegation result = this.useCase.issue(command(Set.of("read", "write"), Set.of("read"), "c-1", "c-1", "c-1",
				AUDIENCE, NOW.plus(Duration.ofHours(1)), null));
		assertThat(result).isInstanceOfSatisfying(Delegation.Issued.class, (issued) -> {
			assertThat(issued.scopes()).containsExactly("read");
			assertThat(issued.expiresAt()).as("the policy maximum").isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		});
		DelegatedToken token = this.signed.getFirst();
		assertThat(token.userId()).isEqualTo("u-1");
		assertThat(token.actor().chain()).containsExactly("c-1");
		assertThat(token.audience()).isEqualTo(AUDIENCE);
		assertThat(token.sessionId()).as("signing out ends it too").isEqualTo("s-1");
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo("user-delegated");
			assertThat(issuance.tokenSha256()).isEqualTo(TokenDigest.sha256Hex("signed-" + token.tokenId()));
			assertThat(issuance.subjectId()).isEqualTo("u-1");
			assertThat(issuance.subjectType()).isEqualTo("user");
			assertThat(issuance.actorId()).isEqualTo("c-1");
			assertThat(issuance.contentId()).isEqualTo("c-1");
			assertThat(issuance.audience()).containsExactly(AUDIENCE);
			assertThat(issuance.provenance().actorChain()).containsExactly("c-1");
		});
	}

	@Test
	void issueWhenSubjectExpiresFirstThenCappedToIt() {
		this.users.apply(user("u-1", false, true));
		Instant soon = NOW.plus(Duration.ofMinutes(3));
		assertThat(this.useCase.issue(command(Set.of(), Set.of(), "c-1", "c-1", "c-1", AUDIENCE, soon, null)))
			.isInstanceOfSatisfying(Delegation.Issued.class,
					(issued) -> assertThat(issued.expiresAt()).isEqualTo(soon));
	}

	@Test
	void issueWhenSubjectHasActorThenNestedUnderTheNewOne() {
		this.users.apply(user("u-1", false, true));
		this.useCase.issue(command(Set.of(), Set.of(), "c-2", "c-2", "c-2", AUDIENCE, NOW.plus(Duration.ofMinutes(5)),
				new Actor("c-1", null)));
		assertThat(this.signed.getFirst().actor().chain()).containsExactly("c-2", "c-1");
		assertThat(this.recorded.getFirst().provenance().actorChain()).containsExactly("c-2", "c-1");
	}

	@Test
	void issueWhenRefusedThenOAuthErrorAndOneDenialEachAndNothingSigned() {
		this.users.apply(user("u-1", false, true));
		this.users.apply(user("u-locked", true, true));
		Instant later = NOW.plus(Duration.ofMinutes(5));
		assertDenied(command(Set.of(), Set.of(), "c-1", "c-2", "c-2", AUDIENCE, later, null),
				Refusal.ACTOR_NOT_ALLOWED);
		assertDenied(command(Set.of(), Set.of(), "c-1", "c-1", "c-2", AUDIENCE, later, null),
				Refusal.ACTOR_NOT_ALLOWED);
		assertDenied(command(Set.of(), Set.of(), "c-1", "c-1", "c-1", "https://elsewhere", later, null),
				Refusal.AUDIENCE_NOT_ALLOWED);
		assertDenied(command(Set.of("read"), Set.of("read", "admin"), "c-1", "c-1", "c-1", AUDIENCE, later, null),
				Refusal.SCOPE_WIDENED);
		assertDenied(command(Set.of(), Set.of("read"), "c-1", "c-1", "c-1", AUDIENCE, later, null),
				Refusal.SCOPE_WIDENED);
		assertDenied(new IssueDelegatedTokenCommand("u-locked", "s-1", Set.of(), later, null, "c-1", "c-1", "c-1",
				AUDIENCE, Set.of(), "corr"), Refusal.USER_LOCKED);
		assertDenied(new IssueDelegatedTokenCommand("u-unknown", "s-1", Set.of(), later, null, "c-1", "c-1", "c-1",
				AUDIENCE, Set.of(), "corr"), Refusal.UNKNOWN_USER);
		assertThat(this.signed).isEmpty();
		assertThat(this.recorded).isEmpty();
		assertThat(this.denials).extracting(CredentialDenial::reason)
			.containsExactly("actor-not-allowed", "actor-not-allowed", "audience-not-allowed", "scope-widened",
					"scope-widened", "user-locked", "unknown-user");
		assertThat(this.denials).allSatisfy((denial) -> {
			assertThat(denial.actorId()).isEqualTo("c-1");
			assertThat(denial.subjectType()).isEqualTo("user");
			assertThat(denial.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
		});
		assertThat(this.denials.get(3).error()).isEqualTo("invalid_scope");
		assertThat(this.denials.get(2).error()).isEqualTo("invalid_target");
		assertThat(this.denials.get(0).error()).isEqualTo("invalid_grant");
	}

	@Test
	void issueWhenNoAudienceConfiguredThenDelegationOff() {
		this.users.apply(user("u-1", false, true));
		IssueDelegatedToken off = new IssueDelegatedToken(List.of(), Duration.ofMinutes(10), this.users, this.signer,
				this.recorded::add, this.denials::add, this.clock);
		assertThat(off.issue(command(Set.of(), Set.of(), "c-1", "c-1", "c-1", AUDIENCE, NOW.plusSeconds(60), null)))
			.isInstanceOfSatisfying(Delegation.Refused.class,
					(denied) -> assertThat(denied.reason().error()).isEqualTo("invalid_target"));
	}

	@Test
	void issueWhenAuditTrailDownThenUnavailableAndNoToken() {
		this.users.apply(user("u-1", false, true));
		IssueDelegatedToken down = new IssueDelegatedToken(List.of(AUDIENCE), Duration.ofMinutes(10), this.users,
				this.signer, (issuance) -> {
					throw new AuditTrailUnavailableException("down", null);
				}, this.denials::add, this.clock);
		assertThat(down.issue(command(Set.of(), Set.of(), "c-1", "c-1", "c-1", AUDIENCE, NOW.plusSeconds(60), null)))
			.isInstanceOf(Delegation.Unavailable.class);
	}

	@Test
	void refuseWhenActorTokenInvalidThenRecorded() {
		assertThat(this.useCase.refuse(
				command(Set.of(), Set.of(), "c-1", "c-1", null, AUDIENCE, NOW.plusSeconds(60), null),
				Refusal.ACTOR_TOKEN_INVALID, "The actor token is invalid or expired"))
			.isInstanceOf(Delegation.Refused.class);
		assertThat(this.denials).singleElement()
			.satisfies((denial) -> assertThat(denial.reason()).isEqualTo("actor-token-invalid"));
	}

	@Test
	void issueWhenCommandNullThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.useCase.issue(null))
			.withMessage("command cannot be null");
	}

	@Test
	void issueDelegatedTokenWhenSignerNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueDelegatedToken(List.of(), Duration.ofMinutes(1), this.users, null,
					this.recorded::add, this.denials::add, this.clock))
			.withMessage("signer cannot be null");
	}

	@Test
	void issueDelegatedTokenWhenMaxLifetimeZeroThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueDelegatedToken(List.of(), Duration.ZERO, this.users, this.signer,
					this.recorded::add, this.denials::add, this.clock))
			.withMessage("maxLifetime must be positive");
	}

	private void assertDenied(IssueDelegatedTokenCommand command, Refusal reason) {
		assertThat(this.useCase.issue(command)).isInstanceOfSatisfying(Delegation.Refused.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(reason));
	}

	private static IssueDelegatedTokenCommand command(Set<String> subjectScopes, Set<String> requested, String clientId,
			String actorTokenSubject, String mayAct, String audience, Instant subjectExpiresAt, Actor subjectActor) {
		return new IssueDelegatedTokenCommand("u-1", "s-1", subjectScopes, subjectExpiresAt, subjectActor, mayAct,
				actorTokenSubject, clientId, audience, requested, "corr");
	}

	private static UserSnapshot user(String id, boolean locked, boolean active) {
		return new UserSnapshot(id, "user-" + id, "viewer", locked, active, Set.of(), 1, NOW);
	}

}
