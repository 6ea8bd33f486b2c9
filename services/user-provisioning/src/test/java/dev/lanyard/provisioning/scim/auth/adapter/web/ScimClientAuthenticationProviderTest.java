package dev.lanyard.provisioning.scim.auth.adapter.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.scim.auth.ScimClientAuthentication;
import dev.lanyard.provisioning.scim.auth.application.AuthenticateScimClient;
import dev.lanyard.provisioning.scim.auth.application.ScimClientStore;
import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScimClientAuthenticationProviderTest {

	private static final String SECRET = ScimSecret.generate();

	private static final ScimClientAccount OKTA = new ScimClientAccount(UUID.randomUUID(), "okta",
			Instant.parse("2026-12-05T17:00:00Z"), null, null, Instant.now());

	@Test
	void authenticateWhenSecretKnownThenScimClientAuthentication() {
		var authentication = provider(new OneClient(OKTA)).authenticate(new BearerTokenAuthenticationToken(SECRET));

		assertThat(authentication).isInstanceOf(ScimClientAuthentication.class);
		assertThat(authentication.getName()).isEqualTo("scim-client:okta");
	}

	@Test
	void authenticateWhenSecretUnknownThenInvalidTokenNotQuotingIt() {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> provider(new OneClient(null)).authenticate(new BearerTokenAuthenticationToken(SECRET)))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET.substring(4)))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).doesNotContain(SECRET.substring(4)));
	}

	@Test
	void authenticateWhenStoreUnavailableThenServiceExceptionSoTheCallerRetries() {
		assertThatExceptionOfType(AuthenticationServiceException.class).isThrownBy(() -> provider(new OneClient(null) {
			@Override
			public Optional<ScimClientAccount> findActiveBySecret(byte[] secretSha256) {
				throw new DataAccessResourceFailureException("connection refused");
			}
		}).authenticate(new BearerTokenAuthenticationToken(SECRET)));
	}

	@Test
	void supportsWhenBearerTokenThenTrueElseFalse() {
		ScimClientAuthenticationProvider provider = provider(new OneClient(OKTA));
		assertThat(provider.supports(BearerTokenAuthenticationToken.class)).isTrue();
		assertThat(provider.supports(ScimClientAuthentication.class)).isFalse();
	}

	@Test
	void constructorWhenClientsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimClientAuthenticationProvider(null))
			.withMessage("clients cannot be null");
	}

	private static ScimClientAuthenticationProvider provider(ScimClientStore store) {
		return new ScimClientAuthenticationProvider(new AuthenticateScimClient(store, Clock.systemUTC()));
	}

	/** A store that knows at most one client, found by any secret. */
	private static class OneClient implements ScimClientStore {

		private final ScimClientAccount client;

		OneClient(ScimClientAccount client) {
			this.client = client;
		}

		@Override
		public Optional<ScimClientAccount> findActiveBySecret(byte[] secretSha256) {
			return Optional.ofNullable(this.client);
		}

		@Override
		public void insert(ScimClientAccount client, byte[] secretSha256) {
		}

		@Override
		public Optional<ScimClientAccount> find(UUID id) {
			return Optional.empty();
		}

		@Override
		public List<ScimClientAccount> all() {
			return List.of();
		}

		@Override
		public boolean nameTaken(String name) {
			return false;
		}

		@Override
		public boolean replaceSecret(UUID id, byte[] secretSha256, Instant rotatedAt) {
			return false;
		}

		@Override
		public boolean revoke(UUID id, Instant revokedAt) {
			return false;
		}

		@Override
		public void markUsed(UUID id, Instant usedAt) {
		}

	}

}
