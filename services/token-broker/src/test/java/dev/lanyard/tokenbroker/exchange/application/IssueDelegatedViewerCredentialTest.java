package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.application.ConnectionLinks;
import dev.lanyard.tokenbroker.connections.application.InMemoryConnectionStore;
import dev.lanyard.tokenbroker.connections.application.ViewerTokens;
import dev.lanyard.tokenbroker.custody.application.DelegatedViewerTokens;
import dev.lanyard.tokenbroker.custody.application.InMemoryUpstreamTokenStore;
import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Delegation;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewer integrations with a delegation mode: no connect step, the session's upstream
 * token instead.
 */
class IssueDelegatedViewerCredentialTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Integration integration = new Integration("i-1", "Orders", IntegrationKind.VIEWER,
			URI.create("https://idp.example/token"), null, "client-1", 1, Set.of("read"), "api://orders", null,
			Set.of(), Set.of("c-1"), false, NOW, Delegation.JWT_BEARER_OBO);

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final InMemoryUpstreamTokenStore upstream = new InMemoryUpstreamTokenStore();

	private final List<TokenIssuance> issued = new ArrayList<>();

	private final List<CredentialDenial> denials = new ArrayList<>();

	private final IssueViewerCredential useCase = new IssueViewerCredential(readModel(), this.users,
			new ViewerTokens(new InMemoryConnectionStore(), noUserGrants(), (id, version) -> "secret",
					Duration.ofSeconds(30), 100, this.clock),
			new ConnectionLinks("https://lanyard.example"), this.issued::add, this.denials::add, this.clock,
			new DelegatedViewerTokens(
					this.upstream, (integration, secret, token, scopes) -> new ExternalToken("obo-for-" + token,
							NOW.plusSeconds(600), Set.of("read")),
					(id, version) -> "secret", Duration.ofSeconds(30), 100, this.clock));

	@Test
	void issueWhenSessionHoldsUpstreamTokenThenIssuedWithoutConnectionAndRecorded() {
		user("u-1");
		this.upstream.save(new UpstreamToken("s-1", "u-1", "up-1", NOW.plusSeconds(600)), NOW);

		CredentialExchange result = this.useCase
			.issue(new IssueViewerCredentialCommand("u-1", "i-1", Set.of("read"), "c-1", "corr-1", "s-1"));

		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Issued.class,
				(issued) -> assertThat(issued.tokenValue()).isEqualTo("obo-for-up-1"));
		assertThat(this.issued).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenType()).isEqualTo(TokenIssuance.EXTERNAL_ACCESS);
			assertThat(issuance.subjectId()).isEqualTo("u-1");
			assertThat(issuance.actorId()).isEqualTo("c-1");
			assertThat(issuance.integrationId()).isEqualTo("i-1");
			assertThat(issuance.audience()).containsExactly("api://orders");
		});
		assertThat(this.denials).isEmpty();
	}

	@Test
	void issueWhenSessionHoldsNoUpstreamTokenThenInvalidGrantSignInAgainRecorded() {
		user("u-1");

		CredentialExchange result = this.useCase
			.issue(new IssueViewerCredentialCommand("u-1", "i-1", Set.of(), "c-1", "corr-2", "s-1"));

		assertThat(result).isInstanceOfSatisfying(CredentialExchange.Denied.class, (denied) -> {
			assertThat(denied.reason()).isEqualTo(Denial.UPSTREAM_TOKEN_MISSING);
			assertThat(denied.reason().error()).isEqualTo("invalid_grant");
			assertThat(denied.description()).contains("sign in again");
			assertThat(denied.uri()).isNull();
		});
		assertThat(this.denials).singleElement().satisfies((denial) -> {
			assertThat(denial.reason()).isEqualTo("upstream-token-missing");
			assertThat(denial.error()).isEqualTo("invalid_grant");
			assertThat(denial.subjectId()).isEqualTo("u-1");
			assertThat(denial.actorId()).isEqualTo("c-1");
		});
		assertThat(this.issued).isEmpty();
	}

	@Test
	void issueWhenAnotherSessionsUpstreamTokenThenNotUsed() {
		user("u-1");
		this.upstream.save(new UpstreamToken("s-other", "u-1", "up-1", NOW.plusSeconds(600)), NOW);

		assertThat(this.useCase.issue(new IssueViewerCredentialCommand("u-1", "i-1", Set.of(), "c-1", "corr-3", "s-1")))
			.isInstanceOfSatisfying(CredentialExchange.Denied.class,
					(denied) -> assertThat(denied.reason()).isEqualTo(Denial.UPSTREAM_TOKEN_MISSING));
	}

	@Test
	void issueWhenContentNotAssociatedThenRefusedBeforeTheProviderIsAsked() {
		user("u-1");
		this.upstream.save(new UpstreamToken("s-1", "u-1", "up-1", NOW.plusSeconds(600)), NOW);

		assertThat(this.useCase.issue(new IssueViewerCredentialCommand("u-1", "i-1", Set.of(), "c-9", "corr-4", "s-1")))
			.isInstanceOfSatisfying(CredentialExchange.Denied.class,
					(denied) -> assertThat(denied.reason()).isEqualTo(Denial.NOT_ASSOCIATED));
		assertThat(this.issued).isEmpty();
	}

	private void user(String userId) {
		this.users.apply(new UserSnapshot(userId, "name-" + userId, "viewer", false, true, Set.of(), 1, NOW));
	}

	private IntegrationReadModel readModel() {
		return new IntegrationReadModel() {

			@Override
			public boolean apply(Integration integration) {
				return true;
			}

			@Override
			public void markDeleted(String integrationId, Instant at) {
			}

			@Override
			public Optional<Integration> find(String integrationId) {
				return Optional.of(IssueDelegatedViewerCredentialTest.this.integration)
					.filter((i) -> i.integrationId().equals(integrationId));
			}

		};
	}

	private static UserGrantEndpoint noUserGrants() {
		return new UserGrantEndpoint() {

			@Override
			public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code,
					URI redirectUri, String codeVerifier) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken) {
				throw new UnsupportedOperationException();
			}

		};
	}

}
