package dev.lanyard.tokenbroker.clients.adapter.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clients.application.InMemoryClientStore;
import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CachingRegisteredClientRepositoryTest {

	private final InMemoryClientStore store = new InMemoryClientStore();

	private final CachingRegisteredClientRepository repository = new CachingRegisteredClientRepository(this.store,
			Duration.ofMinutes(1), 100, Duration.ofMinutes(15));

	@Test
	void findByClientIdWhenGatewayThenUserSessionGrant() {
		this.store.insert(client("gw", ClientKind.GATEWAY), "{sha256}" + "0".repeat(64));
		assertThat(this.repository.findByClientId("gw").getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
				AuthorizationGrantType.CLIENT_CREDENTIALS, CachingRegisteredClientRepository.USER_SESSION);
	}

	@Test
	void findByClientIdWhenStoredThenClientCredentialsClientWithKind() {
		this.store.insert(client("c-42", ClientKind.CONTENT), "{sha256}" + "0".repeat(64));
		RegisteredClient registered = this.repository.findByClientId("c-42");
		assertThat(registered.getClientId()).isEqualTo("c-42");
		assertThat(registered.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
				AuthorizationGrantType.CLIENT_CREDENTIALS, AuthorizationGrantType.TOKEN_EXCHANGE);
		assertThat(registered.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(registered.getScopes()).containsExactly("read");
		assertThat((String) registered.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING))
			.isEqualTo("content");
		assertThat(registered.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void findByClientIdWhenAskedTwiceThenStoreReadOnce() {
		this.store.insert(client("c-42", ClientKind.CONTENT), "{sha256}" + "0".repeat(64));
		this.repository.findByClientId("c-42");
		this.repository.findByClientId("c-42");
		assertThat(this.store.finds()).isEqualTo(1);
	}

	@Test
	void findByClientIdWhenUnknownThenNullAndCached() {
		assertThat(this.repository.findByClientId("nobody")).isNull();
		assertThat(this.repository.findByClientId("nobody")).isNull();
		assertThat(this.store.finds()).isEqualTo(1);
	}

	@Test
	void clientChangedWhenCalledThenNextLookupReadsStore() {
		assertThat(this.repository.findByClientId("c-42")).isNull();
		this.store.insert(client("c-42", ClientKind.AUDITOR), "{sha256}" + "0".repeat(64));
		this.repository.clientChanged("c-42");
		assertThat(this.repository.findByClientId("c-42")).isNotNull();
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CachingRegisteredClientRepository(null, Duration.ZERO, 1, Duration.ofMinutes(1)))
			.withMessage("store cannot be null");
	}

	@Test
	void constructorWhenTokenTimeToLiveZeroThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CachingRegisteredClientRepository(this.store, Duration.ZERO, 1, Duration.ZERO))
			.withMessage("accessTokenTimeToLive must be positive");
	}

	private static Client client(String id, ClientKind kind) {
		return new Client(id, "Name", kind, Set.of("read"), Instant.parse("2026-11-25T10:00:00Z"));
	}

}
