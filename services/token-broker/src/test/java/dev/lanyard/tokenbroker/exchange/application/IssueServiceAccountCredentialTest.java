package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.ExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;
import dev.lanyard.testing.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class IssueServiceAccountCredentialTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final Map<String, Integration> integrations = new ConcurrentHashMap<>();

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private Duration externalLifetime = Duration.ofHours(1);

	private final ExternalTokenEndpoint endpoint = (integration, secret, scopes) -> {
		int n = this.fetches.incrementAndGet();
		return new ExternalToken("ext-" + n, this.clock.instant().plus(this.externalLifetime), scopes);
	};

	private final ServiceAccountTokenCache cache = new ServiceAccountTokenCache(this.endpoint,
			(id, version) -> "secret", Duration.ofSeconds(30), 100, this.clock);

	private final IssueServiceAccountCredential useCase = new IssueServiceAccountCredential(readModel(), this.users,
			this.cache, this.recorded::add, this.denials::add, this.clock);

	@Test
	void issueWhenAssociatedThenTokenAndEventPerHandOut() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read", "write"));
		CredentialExchange first = this.useCase.issue(command("c-1", "i-1", Set.of("read")));
		CredentialExchange second = this.useCase.issue(command("c-1", "i-1", Set.of("read")));
		assertThat(first).isInstanceOfSatisfying(CredentialExchange.Issued.class,
				(issued) -> assertThat(issued.tokenValue()).isEqualTo("ext-1"));
		assertThat(second).isInstanceOfSatisfying(CredentialExchange.Issued.class,
				(issued) -> assertThat(issued.tokenValue()).isEqualTo("ext-1"));
		assertThat(this.fetches).hasValue(1);
		assertThat(this.recorded).hasSize(2).allSatisfy((issuance) -> {
			assertThat(issuance.tokenSha256()).isEqualTo(TokenDigest.sha256Hex("ext-1"));
			assertThat(issuance.tokenType()).isEqualTo("external-access");
			assertThat(issuance.integrationId()).isEqualTo("i-1");
			assertThat(issuance.contentId()).isEqualTo("c-1");
			assertThat(issuance.scopes()).containsExactly("read");
		});
		assertThat(this.recorded.get(0).tokenId()).isNotEqualTo(this.recorded.get(1).tokenId());
	}

	@Test
	void issueWhenActingForUserThenServiceAccountTokenRecordedAsOnBehalfOf() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		this.users.apply(user("u-1", false, true, Set.of()));
		CredentialExchange result = this.useCase
			.issue(new IssueServiceAccountCredentialCommand("c-1", "i-1", Set.of(), "c-1", "corr", "u-1"));
		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Issued.class,
				(issued) -> assertThat(issued.tokenValue()).isEqualTo("ext-1"));
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.subjectId()).isEqualTo("c-1");
			assertThat(issuance.actorId()).isEqualTo("c-1");
			assertThat(issuance.provenance().onBehalfOfUserId()).isEqualTo("u-1");
		});
	}

	@Test
	void issueWhenActingForUserNotInGoodStandingOrGroupThenDeniedAndRecorded() {
		Integration grouped = new Integration("i-1", "I i-1", IntegrationKind.SERVICE_ACCOUNT,
				URI.create("https://idp.example/token"), null, "client", 1, Set.of("read"), null, null, Set.of("g-1"),
				Set.of("c-1"), false, NOW);
		this.integrations.put("i-1", grouped);
		this.users.apply(user("u-locked", true, true, Set.of("g-1")));
		this.users.apply(user("u-gone", false, false, Set.of("g-1")));
		this.users.apply(user("u-outside", false, true, Set.of("g-2")));
		for (String userId : List.of("u-locked", "u-gone", "u-outside", "u-unknown")) {
			assertThat(this.useCase
				.issue(new IssueServiceAccountCredentialCommand("c-1", "i-1", Set.of(), "c-1", "corr", userId)))
				.isInstanceOf(CredentialExchange.Denied.class);
		}
		assertThat(this.recorded).isEmpty();
		assertThat(this.fetches).hasValue(0);
		assertThat(this.denials).extracting(CredentialDenial::reason)
			.containsExactly("user-locked", "user-deactivated", "not-in-allowed-group", "unknown-user");
	}

	@Test
	void servesWhenServiceAccountThenTrueElseFalse() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		this.integrations.put("v-1", integration("v-1", IntegrationKind.VIEWER, null, "read"));
		assertThat(this.useCase.serves("i-1")).isTrue();
		assertThat(this.useCase.serves("v-1")).isFalse();
		assertThat(this.useCase.serves("nope")).isFalse();
	}

	@Test
	void issueWhenCachedTokenNearExpiryThenFetchedAgain() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		this.useCase.issue(command("c-1", "i-1", Set.of()));
		this.clock.advance(Duration.ofMinutes(59).plusSeconds(45));
		assertThat(this.useCase.issue(command("c-1", "i-1", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Issued.class, (issued) -> assertThat(issued.tokenValue()).isEqualTo("ext-2"));
	}

	@Test
	void issueWhenMaxLifetimeShorterThenCapped() {
		this.integrations.put("i-1",
				integration("i-1", IntegrationKind.SERVICE_ACCOUNT, Duration.ofMinutes(5), "read"));
		assertThat(this.useCase.issue(command("c-1", "i-1", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Issued.class,
				(issued) -> assertThat(issued.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(5))));
	}

	@Test
	void issueWhenRefusedByRulesThenDeniedAndRecordedWithoutIssuance() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		this.integrations.put("v-1", integration("v-1", IntegrationKind.VIEWER, null, "read"));
		assertThat(this.useCase.issue(command("c-1", "nope", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.UNKNOWN_INTEGRATION));
		assertThat(this.useCase.issue(command("c-1", "v-1", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class, (denied) -> assertThat(denied.reason()).isEqualTo(Denial.WRONG_KIND));
		assertThat(this.useCase.issue(command("c-9", "i-1", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.NOT_ASSOCIATED));
		assertThat(this.useCase.issue(command("c-1", "i-1", Set.of("read", "admin")))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.SCOPE_TOO_WIDE));
		assertThat(this.recorded).isEmpty();
		assertThat(this.fetches).hasValue(0);
		assertThat(this.denials).extracting(CredentialDenial::reason, CredentialDenial::error)
			.containsExactly(tuple("unknown-integration", "invalid_target"),
					tuple("wrong-integration-kind", "invalid_target"), tuple("not-associated", "unauthorized_client"),
					tuple("scope-not-allowed", "invalid_scope"));
	}

	@Test
	void issueWhenNotAssociatedThenDenialRecordedWithIdsAndNoToken() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read", "write"));
		CredentialExchange result = this.useCase
			.issue(new IssueServiceAccountCredentialCommand("c-9", "i-1", Set.of("write", "read"), "c-9", "corr-7"));
		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.description())
					.isEqualTo("Content c-9 is not associated with integration i-1"));
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.eventId()).isNotNull();
			assertThat(denial.occurredAt()).isEqualTo(NOW);
			assertThat(denial.correlationId()).isEqualTo("corr-7");
			assertThat(denial.actorId()).isEqualTo("c-9");
			assertThat(denial.subjectId()).isEqualTo("c-9");
			assertThat(denial.subjectType()).isEqualTo("content");
			assertThat(denial.contentId()).isEqualTo("c-9");
			assertThat(denial.integrationId()).isEqualTo("i-1");
			assertThat(denial.requestedScopes()).containsExactly("read", "write");
			assertThat(denial.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
			assertThat(denial.error()).isEqualTo("unauthorized_client");
			assertThat(denial.reason()).isEqualTo("not-associated");
		});
	}

	@Test
	void issueWhenDenialNotAcknowledgedThenStillDenied() {
		IssueServiceAccountCredential unrecorded = new IssueServiceAccountCredential(readModel(), this.users,
				this.cache, this.recorded::add, (denial) -> {
					throw new AuditTrailUnavailableException("CredentialDenied not acknowledged within 2000 ms", null);
				}, this.clock);
		assertThat(unrecorded.issue(command("c-1", "nope", Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.UNKNOWN_INTEGRATION));
	}

	@Test
	void issueWhenIssuedOrUnavailableThenNoDenialRecorded() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		this.useCase.issue(command("c-1", "i-1", Set.of()));
		ServiceAccountTokenCache failing = new ServiceAccountTokenCache((i, s, sc) -> {
			throw new ExternalServiceUnavailableException("down");
		}, (id, version) -> "secret", Duration.ofSeconds(30), 100, this.clock);
		new IssueServiceAccountCredential(readModel(), this.users, failing, this.recorded::add, this.denials::add,
				this.clock)
			.issue(command("c-1", "i-1", Set.of()));
		assertThat(this.denials).isEmpty();
	}

	@Test
	void issueWhenAuditTrailDownThenUnavailable() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		IssueServiceAccountCredential down = new IssueServiceAccountCredential(readModel(), this.users, this.cache,
				(issuance) -> {
					throw new AuditTrailUnavailableException("down", null);
				}, this.denials::add, this.clock);
		assertThat(down.issue(command("c-1", "i-1", Set.of()))).isInstanceOf(CredentialExchange.Unavailable.class);
	}

	@Test
	void issueWhenExternalRefusesThenExternalRefusal() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		ServiceAccountTokenCache refusing = new ServiceAccountTokenCache((i, s, sc) -> {
			throw new ExternalServiceRefusedException("invalid_client", 401, "refused");
		}, (id, version) -> "secret", Duration.ofSeconds(30), 100, this.clock);
		assertThat(new IssueServiceAccountCredential(readModel(), this.users, refusing, this.recorded::add,
				this.denials::add, this.clock)
			.issue(command("c-1", "i-1", Set.of())))
			.isEqualTo(new CredentialExchange.ExternalRefusal("invalid_client", "refused"));
	}

	@Test
	void issueWhenExternalUnavailableThenUnavailable() {
		this.integrations.put("i-1", integration("i-1", IntegrationKind.SERVICE_ACCOUNT, null, "read"));
		ServiceAccountTokenCache failing = new ServiceAccountTokenCache((i, s, sc) -> {
			throw new ExternalServiceUnavailableException("down");
		}, (id, version) -> "secret", Duration.ofSeconds(30), 100, this.clock);
		assertThat(new IssueServiceAccountCredential(readModel(), this.users, failing, this.recorded::add,
				this.denials::add, this.clock)
			.issue(command("c-1", "i-1", Set.of()))).isInstanceOf(CredentialExchange.Unavailable.class);
	}

	@Test
	void constructorWhenIntegrationsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueServiceAccountCredential(null, this.users, this.cache, this.recorded::add,
					this.denials::add, this.clock))
			.withMessage("integrations cannot be null");
	}

	@Test
	void constructorWhenTokensNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueServiceAccountCredential(readModel(), this.users, null, this.recorded::add,
					this.denials::add, this.clock))
			.withMessage("tokens cannot be null");
	}

	@Test
	void constructorWhenAuditTrailNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueServiceAccountCredential(readModel(), this.users, this.cache, null,
					this.denials::add, this.clock))
			.withMessage("auditTrail cannot be null");
	}

	@Test
	void constructorWhenDenialsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueServiceAccountCredential(readModel(), this.users, this.cache, this.recorded::add,
					null, this.clock))
			.withMessage("denials cannot be null");
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueServiceAccountCredential(readModel(), this.users, this.cache, this.recorded::add,
					this.denials::add, null))
			.withMessage("clock cannot be null");
	}

	@Test
	void cacheConstructorWhenEndpointNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServiceAccountTokenCache(null, (id, v) -> "s", Duration.ZERO, 1, this.clock))
			.withMessage("endpoint cannot be null");
	}

	@Test
	void cacheConstructorWhenSecretsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServiceAccountTokenCache(this.endpoint, null, Duration.ZERO, 1, this.clock))
			.withMessage("secrets cannot be null");
	}

	@Test
	void externalTokenWhenPrintedThenNoValue() {
		assertThat(new ExternalToken("very-secret", NOW, Set.of()).toString()).doesNotContain("very-secret");
	}

	private IntegrationReadModel readModel() {
		return new IntegrationReadModel() {

			@Override
			public boolean apply(Integration integration) {
				IssueServiceAccountCredentialTest.this.integrations.put(integration.integrationId(), integration);
				return true;
			}

			@Override
			public void markDeleted(String integrationId, Instant at) {
			}

			@Override
			public Optional<Integration> find(String integrationId) {
				return Optional.ofNullable(IssueServiceAccountCredentialTest.this.integrations.get(integrationId));
			}

		};
	}

	private static IssueServiceAccountCredentialCommand command(String contentId, String integrationId,
			Set<String> scopes) {
		return new IssueServiceAccountCredentialCommand(contentId, integrationId, scopes, null, "corr");
	}

	private static UserSnapshot user(String id, boolean locked, boolean active, Set<String> groups) {
		return new UserSnapshot(id, "user-" + id, "viewer", locked, active, groups, 1, NOW);
	}

	static Integration integration(String id, IntegrationKind kind, Duration maxLifetime, String... scopes) {
		return new Integration(id, "I " + id, kind, URI.create("https://idp.example/token"), null, "client", 1,
				Set.of(scopes), null, maxLifetime, Set.of(), Set.of("c-1"), false, NOW);
	}

}
