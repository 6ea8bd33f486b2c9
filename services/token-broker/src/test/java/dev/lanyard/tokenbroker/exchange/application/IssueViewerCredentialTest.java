package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.application.ConnectionLinks;
import dev.lanyard.tokenbroker.connections.application.InMemoryConnectionStore;
import dev.lanyard.tokenbroker.connections.application.ViewerTokens;
import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssueViewerCredentialTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Map<String, Integration> integrations = new ConcurrentHashMap<>();

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final InMemoryConnectionStore store = new InMemoryConnectionStore();

	private final List<TokenIssuance> issued = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	private final ViewerTokens tokens = new ViewerTokens(this.store, refusingEndpoint(), (id, version) -> "secret",
			Duration.ofSeconds(30), 100, this.clock);

	private final ConnectionLinks links = new ConnectionLinks("https://lanyard.example");

	private final IssueViewerCredential useCase = new IssueViewerCredential(readModel(), this.users, this.tokens,
			this.links, this.issued::add, this.denials::add, this.clock);

	@Test
	void issueWhenUserInNoAllowedGroupThenAccessDeniedAndDenialRecorded() {
		this.integrations.put("i-1", viewer(Set.of("g-1")));
		user("u-1", false, true, "g-2");

		CredentialExchange result = this.useCase
			.issue(new IssueViewerCredentialCommand("u-1", "i-1", Set.of("read", "openid"), null, "corr-3"));

		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Denied.class, (denied) -> {
			assertThat(denied.reason()).isEqualTo(Denial.GROUP_NOT_ALLOWED);
			assertThat(denied.description())
				.isEqualTo("User u-1 is in none of the groups allowed to use integration i-1");
		});
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.occurredAt()).isEqualTo(NOW);
			assertThat(denial.correlationId()).isEqualTo("corr-3");
			assertThat(denial.actorId()).isNull();
			assertThat(denial.subjectId()).isEqualTo("u-1");
			assertThat(denial.subjectType()).isEqualTo("user");
			assertThat(denial.contentId()).isNull();
			assertThat(denial.integrationId()).isEqualTo("i-1");
			assertThat(denial.requestedScopes()).containsExactly("openid", "read");
			assertThat(denial.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
			assertThat(denial.error()).isEqualTo("access_denied");
			assertThat(denial.reason()).isEqualTo("not-in-allowed-group");
		});
		assertThat(this.issued).isEmpty();
	}

	@Test
	void issueWhenUserLockedDeactivatedOrUnknownThenEachReasonRecorded() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("locked", true, true);
		user("gone", false, false);

		this.useCase.issue(command("locked", null, Set.of()));
		this.useCase.issue(command("gone", null, Set.of()));
		this.useCase.issue(command("nobody", null, Set.of()));

		assertThat(this.denials).extracting(CredentialDenial::reason)
			.containsExactly("user-locked", "user-deactivated", "unknown-user");
		assertThat(this.denials).extracting(CredentialDenial::error).containsOnly("access_denied");
	}

	@Test
	void issueWhenContentNotAssociatedThenUnauthorizedClientRecordedWithActor() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("u-1", false, true);

		CredentialExchange result = this.useCase.issue(command("u-1", "c-9", Set.of()));

		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.NOT_ASSOCIATED));
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.actorId()).isEqualTo("c-9");
			assertThat(denial.contentId()).isEqualTo("c-9");
			assertThat(denial.subjectId()).isEqualTo("u-1");
			assertThat(denial.error()).isEqualTo("unauthorized_client");
			assertThat(denial.reason()).isEqualTo("not-associated");
		});
	}

	@Test
	void issueWhenScopeBeyondIntegrationThenInvalidScopeRecorded() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("u-1", false, true);

		this.useCase.issue(command("u-1", "c-1", Set.of("read", "admin")));

		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.error()).isEqualTo("invalid_scope");
			assertThat(denial.reason()).isEqualTo("scope-not-allowed");
			assertThat(denial.requestedScopes()).containsExactly("admin", "read");
		});
	}

	@Test
	void issueWhenNotConnectedThenInvalidGrantWithConnectUrlRecorded() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("u-1", false, true);

		CredentialExchange result = this.useCase.issue(command("u-1", null, Set.of()));

		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Denied.class, (denied) -> {
			assertThat(denied.reason()).isEqualTo(Denial.NOT_CONNECTED);
			assertThat(denied.uri()).isEqualTo(URI.create("https://lanyard.example/api/connections/i-1/connect"));
		});
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.error()).isEqualTo("invalid_grant");
			assertThat(denial.reason()).isEqualTo("not-connected");
		});
	}

	@Test
	void issueWhenConnectionLacksScopeThenScopeNotGrantedRecorded() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("u-1", false, true);
		connect("u-1", "read");

		assertThat(this.useCase.issue(command("u-1", null, Set.of("openid")))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.SCOPE_NOT_GRANTED));
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.error()).isEqualTo("invalid_scope");
			assertThat(denial.reason()).isEqualTo("scope-not-granted");
		});
	}

	@Test
	void issueWhenConnectedThenIssuedAndNoDenial() {
		this.integrations.put("i-1", viewer(Set.of()));
		user("u-1", false, true);
		connect("u-1", "read");

		assertThat(this.useCase.issue(command("u-1", "c-1", Set.of("read"))))
			.isInstanceOf(CredentialExchange.Issued.class);
		assertThat(this.issued).hasSize(1);
		assertThat(this.denials).isEmpty();
	}

	@Test
	void issueWhenIntegrationUnknownOrServiceAccountThenInvalidTargetRecorded() {
		this.integrations.put("sa-1",
				new Integration("sa-1", "SA", IntegrationKind.SERVICE_ACCOUNT, URI.create("https://ext.example/token"),
						null, "client", 1, Set.of("read"), null, null, Set.of(), Set.of(), false, NOW));
		user("u-1", false, true);

		this.useCase.issue(command("u-1", null, Set.of()));
		this.useCase.issue(new IssueViewerCredentialCommand("u-1", "sa-1", Set.of(), null, "corr"));

		assertThat(this.denials).extracting(CredentialDenial::reason)
			.containsExactly("unknown-integration", "wrong-integration-kind");
		assertThat(this.denials).extracting(CredentialDenial::error).containsOnly("invalid_target");
	}

	@Test
	void issueWhenDenialNotAcknowledgedThenStillDenied() {
		this.integrations.put("i-1", viewer(Set.of("g-1")));
		user("u-1", false, true);
		IssueViewerCredential unrecorded = new IssueViewerCredential(readModel(), this.users, this.tokens, this.links,
				this.issued::add, (denial) -> {
					throw new AuditTrailUnavailableException("CredentialDenied not acknowledged within 2000 ms", null);
				}, this.clock);

		assertThat(unrecorded.issue(command("u-1", null, Set.of()))).isInstanceOfSatisfying(
				CredentialExchange.Denied.class,
				(denied) -> assertThat(denied.reason()).isEqualTo(Denial.GROUP_NOT_ALLOWED));
	}

	@Test
	void issueWhenCommandNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.useCase.issue(null))
			.withMessage("command cannot be null");
	}

	@Test
	void constructorWhenDenialsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueViewerCredential(readModel(), this.users, this.tokens, this.links,
					this.issued::add, null, this.clock))
			.withMessage("denials cannot be null");
	}

	@Test
	void constructorWhenAuditTrailNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IssueViewerCredential(readModel(), this.users, this.tokens, this.links, null,
					this.denials::add, this.clock))
			.withMessage("auditTrail cannot be null");
	}

	private static IssueViewerCredentialCommand command(String userId, String contentId, Set<String> scopes) {
		return new IssueViewerCredentialCommand(userId, "i-1", scopes, contentId, "corr");
	}

	private void user(String userId, boolean locked, boolean active, String... groups) {
		this.users.apply(new UserSnapshot(userId, "name-" + userId, "viewer", locked, active, Set.of(groups), 1, NOW));
	}

	private void connect(String userId, String... scopes) {
		this.store.save(new Connection(userId, "i-1", Set.of(scopes), "rt-1", 1, NOW), NOW);
		this.tokens.remember(this.store.find(userId, "i-1").orElseThrow(), this.integrations.get("i-1"),
				new ExternalToken("at-1", NOW.plus(Duration.ofHours(1)), Set.of(scopes)));
	}

	private static Integration viewer(Set<String> allowedGroups) {
		return new Integration("i-1", "Viewer", IntegrationKind.VIEWER, URI.create("https://ext.example/token"),
				URI.create("https://ext.example/authorize"), "client", 1, Set.of("openid", "read"), null, null,
				allowedGroups, Set.of("c-1"), false, NOW);
	}

	private static UserGrantEndpoint refusingEndpoint() {
		return new UserGrantEndpoint() {

			@Override
			public dev.lanyard.tokenbroker.external.domain.ExternalGrant authorizationCode(Integration integration,
					String clientSecret, String code, URI redirectUri, String codeVerifier) {
				throw new UnsupportedOperationException();
			}

			@Override
			public dev.lanyard.tokenbroker.external.domain.ExternalGrant refresh(Integration integration,
					String clientSecret, String refreshToken) {
				throw new UnsupportedOperationException();
			}

		};
	}

	private IntegrationReadModel readModel() {
		return new IntegrationReadModel() {

			@Override
			public boolean apply(Integration integration) {
				IssueViewerCredentialTest.this.integrations.put(integration.integrationId(), integration);
				return true;
			}

			@Override
			public void markDeleted(String integrationId, Instant at) {
			}

			@Override
			public Optional<Integration> find(String integrationId) {
				return Optional.ofNullable(IssueViewerCredentialTest.this.integrations.get(integrationId));
			}

		};
	}

}
