package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.federation.application.ExchangeFederatedToken;
import dev.lanyard.tokenbroker.federation.application.FederatedTokenSigner;
import dev.lanyard.tokenbroker.federation.application.SignedToken;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Signs what an accepted federation token becomes, with the service's active key. A
 * federated user's token: {@code typ at+jwt}, {@code iss}, {@code sub} = user id,
 * {@code aud} = [token-broker], {@code iat}, {@code nbf}, {@code exp}, {@code jti},
 * {@code roles}, {@code username}, {@code groups}, {@code lanyard_token_type} =
 * {@code user-federated}, no {@code may_act}. A content item's token: the authorization
 * server's own generator as for the client-credentials grant (the same customizer, so the
 * same claims), the client's lifetime shortened to end by {@code notAfter}.
 */
public final class JwtFederatedTokenSigner implements FederatedTokenSigner {

	private final TokenSigning signing;

	private final RegisteredClientRepository clients;

	private final OAuth2TokenGenerator<Jwt> contentTokens;

	private final Clock clock;

	public JwtFederatedTokenSigner(TokenSigning signing, RegisteredClientRepository clients,
			OAuth2TokenGenerator<Jwt> contentTokens, Clock clock) {
		if (signing == null) {
			throw new IllegalArgumentException("signing cannot be null");
		}
		if (clients == null || contentTokens == null || clock == null) {
			throw new IllegalArgumentException("clients, contentTokens and clock cannot be null");
		}
		this.signing = signing;
		this.clients = clients;
		this.contentTokens = contentTokens;
		this.clock = clock;
	}

	@Override
	public SignedToken signUser(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt) {
		List<String> audience = List.of(ServiceTokens.TOKEN_BROKER);
		JwtClaimsSet.Builder claims = this.signing.claims(user.userId(), audience, tokenId, issuedAt, expiresAt)
			.claim(TokenClaims.ROLES, List.of(user.role()))
			.claim(TokenClaims.USERNAME, user.username())
			.claim(TokenClaims.GROUPS, user.groupIds().stream().sorted().toList())
			.claim(TokenClaims.TOKEN_TYPE, ExchangeFederatedToken.USER_FEDERATED);
		String value = this.signing.sign(ServiceTokens.ACCESS_TOKEN_TYP, claims);
		return new SignedToken(tokenId, value, issuedAt, expiresAt, audience, Set.of());
	}

	@Override
	public Optional<Set<String>> contentScopes(String contentId) {
		return content(contentId).map(RegisteredClient::getScopes);
	}

	@Override
	public Optional<SignedToken> signContent(String contentId, Set<String> scopes, Instant notAfter) {
		Optional<RegisteredClient> found = content(contentId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RegisteredClient client = found.get();
		Duration left = Duration.between(this.clock.instant(), notAfter).truncatedTo(ChronoUnit.SECONDS);
		Duration own = client.getTokenSettings().getAccessTokenTimeToLive();
		Duration lifetime = (own.compareTo(left) < 0) ? own : left;
		if (lifetime.isNegative() || lifetime.isZero()) {
			return Optional.empty();
		}
		RegisteredClient shortened = RegisteredClient.from(client)
			.tokenSettings(TokenSettings.withSettings(client.getTokenSettings().getSettings())
				.accessTokenTimeToLive(lifetime)
				.build())
			.build();
		Jwt jwt = this.contentTokens.generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(shortened)
			.principal(new OAuth2ClientAuthenticationToken(shortened, ClientAuthenticationMethod.NONE, null))
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes(scopes)
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			// the client-credentials shape: the customizer gives a content client's
			// claims
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build());
		if (jwt == null || jwt.getId() == null || jwt.getIssuedAt() == null || jwt.getExpiresAt() == null) {
			throw new IllegalStateException("The token generator failed to generate the access token");
		}
		return Optional
			.of(new SignedToken(jwt.getId(), jwt.getTokenValue(), jwt.getIssuedAt().truncatedTo(ChronoUnit.SECONDS),
					jwt.getExpiresAt().truncatedTo(ChronoUnit.SECONDS), jwt.getAudience(), scopes));
	}

	private Optional<RegisteredClient> content(String contentId) {
		RegisteredClient client = this.clients.findByClientId(contentId);
		return (client != null && ClientKind.CONTENT.value()
			.equals(client.getClientSettings().getSetting(CachingRegisteredClientRepository.KIND_SETTING)))
					? Optional.of(client) : Optional.empty();
	}

}
