package dev.lanyard.tokenbroker.clients.adapter.oauth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.lanyard.tokenbroker.clients.application.ClientChangeListener;
import dev.lanyard.tokenbroker.clients.application.ClientStore;
import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The authorization server's view of Lanyard's clients, read from the {@link ClientStore}
 * through a small cache so that the token endpoint does not query the database on every
 * request. Entries (also "no such client") live at most the configured time; changes made
 * through this instance's admin API drop them at once, changes made through another
 * instance show after at most that time.
 */
public final class CachingRegisteredClientRepository implements RegisteredClientRepository, ClientChangeListener {

	/** The grant type of user session tokens. */
	public static final AuthorizationGrantType USER_SESSION = new AuthorizationGrantType(
			"urn:lanyard:params:oauth:grant-type:user-session");

	/** Client setting that holds the {@link ClientKind} value. */
	public static final String KIND_SETTING = "lanyard.client.kind";

	private final LoadingCache<String, Optional<RegisteredClient>> cache;

	private final Duration accessTokenTimeToLive;

	public CachingRegisteredClientRepository(ClientStore store, Duration timeToLive, long maximumSize,
			Duration accessTokenTimeToLive) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (timeToLive == null || timeToLive.isNegative()) {
			throw new IllegalArgumentException("timeToLive cannot be null or negative");
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		if (accessTokenTimeToLive == null || accessTokenTimeToLive.isNegative() || accessTokenTimeToLive.isZero()) {
			throw new IllegalArgumentException("accessTokenTimeToLive must be positive");
		}
		this.accessTokenTimeToLive = accessTokenTimeToLive;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(timeToLive)
			.maximumSize(maximumSize)
			.build((clientId) -> store.find(clientId).map(this::toRegisteredClient));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (clientId == null || clientId.isEmpty()) {
			return null;
		}
		return this.cache.get(clientId).orElse(null);
	}

	/** Client ids double as registered-client ids. */
	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Clients are managed through the admin API");
	}

	@Override
	public void clientChanged(String clientId) {
		this.cache.invalidate(clientId);
	}

	/**
	 * Grants beyond client credentials: user session tokens for the gateway, token
	 * exchange for content.
	 */
	private static Set<AuthorizationGrantType> extraGrants(ClientKind kind) {
		return switch (kind) {
			case GATEWAY -> Set.of(USER_SESSION);
			case CONTENT -> Set.of(AuthorizationGrantType.TOKEN_EXCHANGE);
			case AUDITOR, ADMINISTRATOR -> Set.of();
		};
	}

	private RegisteredClient toRegisteredClient(ClientStore.StoredClient stored) {
		Client client = stored.client();
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientIdIssuedAt(client.createdAt())
			.clientSecret(stored.secretHash())
			.clientName(client.name())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrantTypes((grants) -> grants.addAll(extraGrants(client.kind())))
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.clientSettings(ClientSettings.builder().setting(KIND_SETTING, client.kind().value()).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.accessTokenTimeToLive)
				.build())
			.build();
	}

}
