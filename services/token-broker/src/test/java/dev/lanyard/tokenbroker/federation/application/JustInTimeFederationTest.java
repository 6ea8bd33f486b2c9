package dev.lanyard.tokenbroker.federation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.federation.InMemoryFederationTrusts;
import dev.lanyard.tokenbroker.federation.TestFederation;
import dev.lanyard.tokenbroker.federation.adapter.jose.IssuerKeys;
import dev.lanyard.tokenbroker.federation.adapter.jose.NimbusFederatedTokenVerifier;
import dev.lanyard.tokenbroker.federation.application.FederatedUserProvisioning.Admission;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.UserField;
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

/**
 * Just-in-time users: an oidc-federation rule with {@code createUsers} has
 * user-provisioning (a fake here) create the unknown person, waits for the user in the
 * read model and issues as for a known user.
 */
class JustInTimeFederationTest {

	private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryFederationTrusts trusts = new InMemoryFederationTrusts()
		.with(creatingRule(UserField.UNIQUE_ID));

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final List<NewFederatedUser> asked = new ArrayList<>();

	private final List<String> correlations = new ArrayList<>();

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	/**
	 * user-provisioning: creates the user and publishes the snapshot (into the read
	 * model).
	 */
	private Function<NewFederatedUser, Admission> provisioning = (user) -> {
		this.users.apply(snapshot("u-new", user.uniqueId(), user.email(), true));
		return new Admission.Admitted("u-new", 1);
	};

	private final FederatedTokenSigner signer = new FederatedTokenSigner() {

		@Override
		public SignedToken signUser(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt) {
			return new SignedToken(tokenId, "user-token-" + user.userId(), issuedAt, expiresAt, List.of("token-broker"),
					Set.of());
		}

		@Override
		public Optional<Set<String>> contentScopes(String contentId) {
			return Optional.empty();
		}

		@Override
		public Optional<SignedToken> signContent(String contentId, Set<String> scopes, Instant notAfter) {
			return Optional.empty();
		}

	};

	@Test
	void exchangeWhenUnknownUserAndRuleCreatesUsersThenCreatedAndUserFederatedTokenIssued() {
		FederatedExchange result = exchange(token((t) -> t.claim("email", "alice@example.com")
			.claim("given_name", "Alice")
			.claim("groups", List.of("staff", "eng"))));

		assertThat(result).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.asked).singleElement().satisfies((person) -> {
			assertThat(person.issuer()).isEqualTo(TestFederation.ISSUER);
			assertThat(person.uniqueId()).isEqualTo("alice");
			assertThat(person.email()).isEqualTo("alice@example.com");
			assertThat(person.firstName()).isEqualTo("Alice");
			assertThat(person.username()).isNull();
			assertThat(person.groups()).containsExactly("staff", "eng");
		});
		assertThat(this.correlations).containsExactly("corr-1");
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo(ExchangeFederatedToken.USER_FEDERATED);
			assertThat(issuance.subjectId()).isEqualTo("u-new");
			assertThat(issuance.integrationId()).isEqualTo("fed-1");
			assertThat(issuance.provenance().federatedSubject()).isEqualTo("alice");
		});
		assertThat(this.denials).isEmpty();
	}

	@Test
	void exchangeWhenRuleDoesNotCreateUsersThenUnknownUserAndProvisioningNotAsked() {
		this.trusts.apply(TestFederation.oidcRule("fed-1"));

		assertThat(exchange(token((t) -> t))).isEqualTo(new FederatedExchange.Refused(FederationCheck.UNKNOWN_USER));
		assertThat(this.asked).isEmpty();
	}

	@Test
	void exchangeWhenUserKnownThenProvisioningNotAsked() {
		this.users.apply(snapshot("u-1", "alice", null, true));

		assertThat(exchange(token((t) -> t))).isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.asked).isEmpty();
	}

	@Test
	void exchangeWhenPolicyRefusesThenUserNotAdmittedRecorded() {
		this.provisioning = (user) -> new Admission.NotAdmitted("no-access-group");

		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USER_NOT_ADMITTED));
		assertThat(this.recorded).isEmpty();
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.reason()).isEqualTo("user-not-admitted");
			assertThat(denial.error()).isEqualTo("invalid_grant");
			assertThat(denial.federatedSubject()).isEqualTo("alice");
		});
	}

	@Test
	void exchangeWhenProvisioningUnavailableThenTemporarilyUnavailableAndNothingIssued() {
		this.provisioning = (user) -> {
			throw new IllegalStateException("unreachable");
		};

		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USERS_UNAVAILABLE));
		assertThat(this.recorded).isEmpty();
		assertThat(this.denials).singleElement()
			.satisfies((denial) -> assertThat(denial.error()).isEqualTo("temporarily_unavailable"));
	}

	@Test
	void exchangeWhenCreatedUserNeverArrivesThenTemporarilyUnavailable() {
		this.provisioning = (user) -> new Admission.Admitted("u-late", 1);

		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USERS_UNAVAILABLE));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void exchangeWhenExistingUserIsDeactivatedThenUserDeactivated() {
		this.provisioning = (user) -> {
			this.users.apply(snapshot("u-old", user.uniqueId(), null, false));
			return new Admission.Admitted("u-old", 1);
		};

		assertThat(exchange(token((t) -> t)))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.USER_DEACTIVATED));
	}

	@Test
	void exchangeWhenMatchedByEmailThenEmailIsTheClaimAndUniqueIdTheSubject() {
		this.trusts.apply(creatingRule(UserField.EMAIL));

		assertThat(exchange(token((t) -> t.claim("email", "Alice@Example.com"))))
			.isInstanceOf(FederatedExchange.Issued.class);
		assertThat(this.asked).singleElement().satisfies((person) -> {
			assertThat(person.uniqueId()).isEqualTo("alice");
			assertThat(person.email()).isEqualTo("Alice@Example.com");
		});
	}

	@Test
	void exchangeWhenUserBoundToIdentityHasAnotherEmailThenUnknownUser() {
		this.trusts.apply(creatingRule(UserField.EMAIL));
		this.provisioning = (user) -> {
			this.users.apply(snapshot("u-old", user.uniqueId(), "someone-else@example.com", true));
			return new Admission.Admitted("u-old", 1);
		};

		assertThat(exchange(token((t) -> t.claim("email", "alice@example.com"))))
			.isEqualTo(new FederatedExchange.Refused(FederationCheck.UNKNOWN_USER));
	}

	@Test
	void exchangeWhenMatchedByUsernameThenUsernameRequired() {
		this.trusts.apply(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.createUsers = true;
			r.matchClaim = "preferred_username";
			r.userField = UserField.USERNAME;
			return r;
		}));
		this.provisioning = (user) -> new Admission.NotAdmitted("invalid-username");

		exchange(token((t) -> t.claim("preferred_username", "alice")));

		assertThat(this.asked).singleElement().satisfies((person) -> {
			assertThat(person.username()).isEqualTo("alice");
			assertThat(person.uniqueId()).isEqualTo("alice");
		});
	}

	@Test
	void constructorWhenProvisioningNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JustInTimeUsers(null, new AwaitUser(this.users, new UserArrivals()),
					new FederatedUsers(this.users), Duration.ofSeconds(1)))
			.withMessage("provisioning, arrivals and users cannot be null");
	}

	@Test
	void constructorWhenArrivalTimeoutZeroThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JustInTimeUsers((user, correlationId) -> null,
					new AwaitUser(this.users, new UserArrivals()), new FederatedUsers(this.users), Duration.ZERO))
			.withMessage("arrivalTimeout must be positive");
	}

	@Test
	void exchangeConstructorWhenJustInTimeNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExchangeFederatedToken((token, integrationId) -> null, (issuer, jti, until) -> true,
					new FederatedUsers(this.users), null, this.signer, this.recorded::add, this.denials::add,
					Duration.ofMinutes(10), this.clock))
			.withMessage("justInTime cannot be null");
	}

	private FederatedExchange exchange(String token) {
		FederatedUserProvisioning provisioning = (user, correlationId) -> {
			this.asked.add(user);
			this.correlations.add(correlationId);
			try {
				return this.provisioning.apply(user);
			}
			catch (IllegalStateException ex) {
				throw new ExternalServiceUnavailableException("user-provisioning unreachable (test)", ex);
			}
		};
		FederatedUsers federatedUsers = new FederatedUsers(this.users);
		ExchangeFederatedToken exchange = new ExchangeFederatedToken(
				new NimbusFederatedTokenVerifier(this.trusts,
						new IssuerKeys((url) -> null, Duration.ofMinutes(5), Duration.ofSeconds(30)), this.clock),
				(issuer, jti, until) -> true, federatedUsers,
				new JustInTimeUsers(provisioning, new AwaitUser(this.users, new UserArrivals()), federatedUsers,
						Duration.ofMillis(200)),
				this.signer, this.recorded::add, this.denials::add, Duration.ofMinutes(10), this.clock);
		return exchange.exchange(new ExchangeFederatedTokenCommand(token, GRANT, null, Set.of(), null, "corr-1"));
	}

	private static UserSnapshot snapshot(String userId, String uniqueId, String email, boolean active) {
		return new UserSnapshot(userId, userId + "-name", "viewer", false, active, Set.of(), 1, NOW, uniqueId, email);
	}

	private static dev.lanyard.tokenbroker.federation.domain.FederationTrust creatingRule(UserField field) {
		return TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
			r.createUsers = true;
			r.userField = field;
			r.matchClaim = (field == UserField.EMAIL) ? "email" : "sub";
			return r;
		});
	}

}
