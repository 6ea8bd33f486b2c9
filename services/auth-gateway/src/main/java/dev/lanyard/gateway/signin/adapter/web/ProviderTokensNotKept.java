package dev.lanyard.gateway.signin.adapter.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps none of the tokens a provider answers at sign-in. Spring Security's default would
 * keep them in memory for every user who ever signed in, a map that grows without end and
 * holds credentials nobody needs. The access token stays only on the sign-in request
 * itself (an exchange attribute, gone with the request), where
 * {@link SignInSuccessHandler} hands it to token-broker when its provider is set to
 * deposit it; the refresh token is never kept.
 */
final class ProviderTokensNotKept implements ServerOAuth2AuthorizedClientRepository {

	/** The exchange attribute holding the sign-in's {@link OAuth2AccessToken}. */
	static final String ACCESS_TOKEN = ProviderTokensNotKept.class.getName() + ".accessToken";

	@Override
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, ServerWebExchange exchange) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			ServerWebExchange exchange) {
		if (authorizedClient.getAccessToken() != null) {
			exchange.getAttributes().put(ACCESS_TOKEN, authorizedClient.getAccessToken());
		}
		return Mono.empty();
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			ServerWebExchange exchange) {
		exchange.getAttributes().remove(ACCESS_TOKEN);
		return Mono.empty();
	}

}
