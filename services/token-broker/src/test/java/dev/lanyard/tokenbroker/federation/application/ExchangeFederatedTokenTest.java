package dev.lanyard.tokenbroker.federation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.federation.InMemoryFederationTrusts;
import dev.lanyard.tokenbroker.federation.TestFederation;
import dev.lanyard.tokenbroker.federation.adapter.jose.IssuerKeys;
import dev.lanyard.tokenbroker.federation.adapter.jose.NimbusFederatedTokenVerifier;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.UserField;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.application.UserArrivals;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static dev.lanyard.tokenbroker.federation.TestFederation.NOW;
import static dev.lanyard.tokenbroker.federation.TestFederation.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Matching, issuing and recording: what an accepted or refused token leads to. */
class ExchangeFederatedTokenTest {

	private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryFederationTrusts trusts = new InMemoryFederationTrusts()
		.with(TestFederation.oidcRule("fed-1"), TestFederation.rule("fed-w", FederationKind.WORKLOAD, (r) -> {
			r.issuer = "https://ci.example.com";
			return r;
		}));

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final Set<String> seenJtis = new HashSet<>();

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	private final List<Instant> signedExpiries = new ArrayList<>();

	private final Set<String> contentClients = new HashSet<>(Set.of("content-1"));

	private final FederatedTokenSigner signer = new FederatedTokenSigner() {

		@Override
		public SignedToken signUser(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt) {
			ExchangeFederatedTokenTest.this.signedExpiries.add(expiresAt);
			return new SignedToken(tokenId, "user-token-" + user.userId(), issuedAt, expiresAt, List.of("token-broker"),
					Set.of());
		}

		@Override
		public Optional<Set<String>> contentScopes(String contentId) {
			return ExchangeFederatedTokenTest.this.contentClients.contains(contentId) ? Optional.of(Set.of("read"))
					: Optional.empty();
		}

		@Override
		public Optional<SignedToken> signContent(String contentId, Set<String> scopes, Instant notAfter) {
			ExchangeFederatedTokenTest.this.signedExpiries.add(notAfter);
			return Optional.of(new SignedToken("t-1", "content-token", NOW, notAfter, List.of("token-broker"), scopes));
		}

	};

	private ExchangeFederatedToken exchange() {
		return new ExchangeFederatedToken(
				new NimbusFederatedTokenVerifier(this.trusts,
						new IssuerKeys((url) -> null, Duration.ofMinutes(5), Duration.ofSeconds(30)), this.clock),
				(issuer, jti, until) -> this.seenJtis.add(issuer + " " + jti), new FederatedUsers(this.users),
				noJustInTime(), this.signer, this.recorded::add, this.denials::add, Duration.ofMinutes(10), this.clock);
	}

	/** These rules do not create users: user-provisioning is never asked. */
	private JustInTimeUsers noJustInTime() {
		return new JustInTimeUsers((user, correlationId) -> {
			throw new AssertionError("user-provisioning asked for " + user.uniqueId());
		}, new AwaitUser(this.users, new UserArrivals()), new FederatedUsers(this.users), Duration.ofMillis(100));
	}

	private FederatedExchange exchange(String token) {
		return exchange().exchange(new ExchangeFederatedTokenCommand(token, GRANT, null, Set.of(), null, "corr-1"));
	}

	private void user(String userId, String uniqueId, boolean locked, boolean active) {
		this.users.apply(new UserSnapshot(userId, userId + "-name", "viewer", locked, active, Set.of("g-1"), 1, NOW,
				uniqueId, userId + "@example.com"));
	}

	private CredentialDenial onlyDenial() {
		assertThat(this.recorded).isEmpty();
		assertThat(this.denials).hasSize(1);
		return this.denials.getFirst();
	}

	@Test
	void exchangeWhenUserMatchedByUniqueIdThenUserFederatedTokenRecordedAsFederated() {
		user("u-1", "alice", false, true);
		assertThat(exchange(token((t) -> t))).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo(ExchangeFederatedToken.USER_FEDERATED);
			assertThat(issuance.subjectId()).isEqualTo("u-1");
			assertThat(issuance.subjectType()).isEqualTo("user");
			assertThat(issuance.grantType()).isEqualTo(GRANT);
			assertThat(issuance.integrationId()).isEqualTo("fed-1");
			assertThat(issuance.actorId()).isNull();
			assertThat(issuance.provenance().federatedIssuer()).isEqualTo(TestFederation.ISSUER);
			assertThat(issuance.provenance().federatedSubject()).isEqualTo("alice");
		});
		assertThat(this.denials).isEmpty();
	}

	@Test
	void exchangeWhenPresentedTokenExpiresSoonerThanTheLifetimeThenIssuedTokenExpiresWithIt() {
		user("u-1", "alice", false, true);
		exchange(token((t) -> t.claim("exp", NOW.plusSeconds(90))));
		assertThat(this.signedExpiries).containsExactly(NOW.plusSeconds(90));
	}

	@Test
	void exchangeWhenPresentedTokenOutlivesTheLifetimeThenIssuedTokenCappedByIt() {
		user("u-1", "alice", false, true);
		this.trusts.apply(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.lifetime = Duration.ofSeconds(120);
			return r;
		}));
		exchange(token((t) -> t.claim("exp", NOW.plusSeconds(3600))));
		assertThat(this.signedExpiries).containsExactly(NOW.plusSeconds(120));
	}

	@Test
	void exchangeWhenAcceptedWithinSkewAfterExpiryThenRefusedAsExpired() {
		user("u-1", "alice", false, true);
		assertThat(exchange(token((t) -> t.claim("exp", NOW.minusSeconds(10)))))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.EXPIRED));
	}

	@Test
	void exchangeWhenUserMatchedByEmailThenIssued() {
		user("u-2", "other", false, true);
		this.trusts.apply(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.matchClaim = "email";
			r.userField = UserField.EMAIL;
			return r;
		}));
		assertThat(exchange(token((t) -> t.claim("email", "U-2@Example.com"))))
			.isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.recorded).singleElement().satisfies((i) -> assertThat(i.subjectId()).isEqualTo("u-2"));
	}

	@Test
	void exchangeWhenNoUserMatchesThenUnknownUserRecordedAsFederatedSubject() {
		assertThat(exchange(token((t) -> t))).isEqualTo(new FederatedExchange.Refused(FederationCheck.UNKNOWN_USER));
		CredentialDenial denial = onlyDenial();
		assertThat(denial.reason()).isEqualTo("unknown-user");
		assertThat(denial.error()).isEqualTo("invalid_grant");
		assertThat(denial.subjectType()).isEqualTo(CredentialDenial.FEDERATED);
		assertThat(denial.subjectId()).isEqualTo("alice");
		assertThat(denial.integrationId()).isEqualTo("fed-1");
		assertThat(denial.federatedIssuer()).isEqualTo(TestFederation.ISSUER);
		assertThat(denial.federatedSubject()).isEqualTo("alice");
	}

	@Test
	void exchangeWhenMatchClaimMissingThenUnknownUser() {
		user("u-1", "alice", false, true);
		this.trusts.apply(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.matchClaim = "employee_id";
			return r;
		}));
		assertThat(exchange(token((t) -> t))).isEqualTo(new FederatedExchange.Refused(FederationCheck.UNKNOWN_USER));
	}

	@Test
	void exchangeWhenUserDeactivatedThenUserDeactivatedRecordedForTheUser() {
		user("u-1", "alice", false, false);
		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USER_DEACTIVATED));
		CredentialDenial denial = onlyDenial();
		assertThat(denial.subjectId()).isEqualTo("u-1");
		assertThat(denial.subjectType()).isEqualTo(CredentialDenial.USER);
		assertThat(denial.federatedSubject()).isEqualTo("alice");
	}

	@Test
	void exchangeWhenUserDeactivatedAfterTheSnapshotThenUserDeactivated() {
		user("u-1", "alice", false, true);
		this.users.deactivate("u-1", NOW.plusSeconds(1));
		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USER_DEACTIVATED));
	}

	@Test
	void exchangeWhenUserLockedThenUserLocked() {
		user("u-1", "alice", true, true);
		assertThat(exchange(token((t) -> t))).isEqualTo(new FederatedExchange.Refused(FederationCheck.USER_LOCKED));
		assertThat(onlyDenial().reason()).isEqualTo("user-locked");
	}

	@Test
	void exchangeWhenJtiReplayedThenSecondRefusedAsReplayed() {
		user("u-1", "alice", false, true);
		String token = token((t) -> t);
		assertThat(exchange(token)).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(exchange(token)).isEqualTo(new FederatedExchange.Refused(FederationCheck.JTI_REPLAYED));
		assertThat(this.denials).singleElement().satisfies((d) -> assertThat(d.reason()).isEqualTo("jti-replayed"));
	}

	/**
	 * A token two rules of its issuer accept is spent once, whichever rule the caller
	 * names: the jti is consumed per issuer, not per rule.
	 */
	@Test
	void exchangeWhenTokenReplayedAtAnotherRuleOfTheIssuerThenRefusedAsReplayed() {
		user("u-1", "alice", false, true);
		this.trusts.apply(TestFederation.workloadRule("fed-w2", "content-1"));
		String token = token((t) -> t);
		assertThat(
				exchange().exchange(new ExchangeFederatedTokenCommand(token, GRANT, "fed-w2", Set.of(), null, "c-1")))
			.isInstanceOf(FederatedExchange.Issued.class);
		assertThat(exchange().exchange(new ExchangeFederatedTokenCommand(token, GRANT, "fed-1", Set.of(), null, "c-2")))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.JTI_REPLAYED));
	}

	@Test
	void exchangeWhenRuleAllowsJtiReuseThenTheSameTokenTwiceIssuedTwice() {
		user("u-1", "alice", false, true);
		this.trusts.apply(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.allowJtiReuse = true;
			return r;
		}));
		String token = token((t) -> t);
		assertThat(exchange(token)).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(exchange(token)).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.seenJtis).isEmpty();
	}

	@Test
	void exchangeWhenScopeAskedForAUserThenScopeNotAllowed() {
		user("u-1", "alice", false, true);
		assertThat(exchange()
			.exchange(new ExchangeFederatedTokenCommand(token((t) -> t), GRANT, null, Set.of("admin"), null, "corr-1")))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.SCOPE));
		assertThat(onlyDenial().error()).isEqualTo("invalid_scope");
	}

	@Test
	void exchangeWhenWorkloadAcceptedThenContentSessionRecordedForTheContentWithTheActor() {
		assertThat(exchange().exchange(new ExchangeFederatedTokenCommand(
				token((t) -> t.claim("iss", "https://ci.example.com").claim("sub", "repo:acme/app:ref:main")), GRANT,
				null, Set.of("read"), "ci-client", "corr-1")))
			.isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo(TokenIssuance.CONTENT_SESSION);
			assertThat(issuance.subjectId()).isEqualTo("content-1");
			assertThat(issuance.subjectType()).isEqualTo("content");
			assertThat(issuance.contentId()).isEqualTo("content-1");
			assertThat(issuance.scopes()).containsExactly("read");
			assertThat(issuance.actorId()).isEqualTo("ci-client");
			assertThat(issuance.integrationId()).isEqualTo("fed-w");
			assertThat(issuance.provenance().federatedSubject()).isEqualTo("repo:acme/app:ref:main");
		});
	}

	@Test
	void exchangeWhenWorkloadContentGoneThenUnknownContent() {
		this.contentClients.clear();
		assertThat(exchange(token((t) -> t.claim("iss", "https://ci.example.com"))))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.UNKNOWN_CONTENT));
		assertThat(onlyDenial().reason()).isEqualTo("unknown-content");
	}

	@Test
	void exchangeWhenWorkloadScopeWiderThanTheContentsThenScopeNotAllowed() {
		assertThat(exchange().exchange(new ExchangeFederatedTokenCommand(
				token((t) -> t.claim("iss", "https://ci.example.com")), GRANT, null, Set.of("write"), null, "corr-1")))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.SCOPE));
		assertThat(onlyDenial().subjectType()).isEqualTo(CredentialDenial.CONTENT);
	}

	@Test
	void exchangeWhenIssuerUntrustedThenRecordedWithUnknownRuleAndTruncatedPresentedValues() {
		String longIssuer = "https://evil.example.com/" + "x".repeat(400);
		exchange(token((t) -> t.claim("iss", longIssuer)));
		CredentialDenial denial = onlyDenial();
		assertThat(denial.reason()).isEqualTo("issuer-not-trusted");
		assertThat(denial.integrationId()).isEqualTo("unknown");
		assertThat(denial.federatedIssuer()).hasSize(256).startsWith("https://evil.example.com/");
	}

	/**
	 * Before the signature verifies, every claim and every scope asked for is the
	 * caller's to choose: as the denial's subject it would let anyone write "alice was
	 * refused" into the trail, and a fresh {@code sub}, {@code iss} or {@code scope} per
	 * attempt would make each refusal a new kind, which denial aggregation never sums up.
	 */
	@Test
	void exchangeWhenSignatureInvalidThenSubjectUnknownAndOneKindWhateverWasPresented() {
		exchange().exchange(new ExchangeFederatedTokenCommand(token((t) -> {
			t.key = TestFederation.OTHER_RSA;
			return t.claim("sub", "alice");
		}), GRANT, null, Set.of("a"), null, "corr-1"));
		exchange().exchange(new ExchangeFederatedTokenCommand(token((t) -> {
			t.key = TestFederation.OTHER_RSA;
			return t.claim("sub", "bob");
		}), GRANT, null, Set.of("b"), null, "corr-2"));
		assertThat(this.denials).hasSize(2).allSatisfy((denial) -> {
			assertThat(denial.reason()).isEqualTo("signature-invalid");
			assertThat(denial.subjectId()).isEqualTo("unknown");
			assertThat(denial.requestedScopes()).isEmpty();
		});
		assertThat(this.denials.get(0).federatedSubject()).as("still recorded as presented").isEqualTo("alice");
		assertThat(this.denials.get(0).aggregationKey()).isEqualTo(this.denials.get(1).aggregationKey());
	}

	@Test
	void exchangeWhenIssuersUntrustedThenOneKindWhateverIssuerWasPresented() {
		exchange(token((t) -> t.claim("iss", "https://evil-1.example.com").claim("sub", "alice")));
		exchange(token((t) -> t.claim("iss", "https://evil-2.example.com").claim("sub", "bob")));
		assertThat(this.denials).hasSize(2).allSatisfy((denial) -> assertThat(denial.subjectId()).isEqualTo("unknown"));
		assertThat(this.denials.get(0).aggregationKey()).isEqualTo(this.denials.get(1).aggregationKey());
	}

	@Test
	void exchangeWhenVerifiedTokensOfTwoSubjectsRefusedThenTwoKinds() {
		exchange(token((t) -> t.claim("sub", "alice")));
		exchange(token((t) -> t.claim("sub", "bob")));
		assertThat(this.denials).extracting(CredentialDenial::subjectId).containsExactly("alice", "bob");
		assertThat(this.denials.get(0).aggregationKey()).isNotEqualTo(this.denials.get(1).aggregationKey());
	}

	@Test
	void exchangeWhenMalformedThenInvalidRequestRecordedWithoutPresentedValues() {
		assertThat(exchange("garbage")).isEqualTo(new FederatedExchange.Refused(FederationCheck.MALFORMED));
		CredentialDenial denial = onlyDenial();
		assertThat(denial.error()).isEqualTo("invalid_request");
		assertThat(denial.subjectId()).isEqualTo("unknown");
		assertThat(denial.federatedIssuer()).isNull();
	}

	@Test
	void exchangeWhenAuditTrailUnavailableThenNothingHandedOut() {
		user("u-1", "alice", false, true);
		ExchangeFederatedToken unrecorded = new ExchangeFederatedToken(
				new NimbusFederatedTokenVerifier(this.trusts,
						new IssuerKeys((url) -> null, Duration.ofMinutes(5), Duration.ofSeconds(30)), this.clock),
				(issuer, jti, until) -> true, new FederatedUsers(this.users), noJustInTime(), this.signer,
				(issuance) -> {
					throw new AuditTrailUnavailableException("no ack", null);
				}, this.denials::add, Duration.ofMinutes(10), this.clock);
		assertThat(unrecorded
			.exchange(new ExchangeFederatedTokenCommand(token((t) -> t), GRANT, null, Set.of(), null, "corr-1")))
			.isInstanceOf(FederatedExchange.AuditTrailUnavailable.class);
	}

	@Test
	void exchangeWhenCommandNullThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> exchange().exchange(null))
			.withMessage("command cannot be null");
	}

	@Test
	void commandToStringWhenPrintedThenTokenRedacted() {
		assertThat(new ExchangeFederatedTokenCommand("secret.jwt.value", GRANT, null, Set.of(), null, "c").toString())
			.doesNotContain("secret.jwt.value");
	}

}
