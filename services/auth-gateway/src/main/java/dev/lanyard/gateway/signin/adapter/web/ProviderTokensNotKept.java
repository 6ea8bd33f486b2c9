package dev.lanyard.gateway.signin.adapter.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps none of the tokens a provider answers at sign-in. The gateway asks the provider
 * only who signed in; its access and refresh tokens are never used. Spring Security's
 * default would keep them in memory for every user who ever signed in, a map that grows
 * without end and holds credentials nobody needs.
 */
final class ProviderTokensNotKept implements ServerOAuth2AuthorizedClientRepository {

	@Override
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, ServerWebExchange exchange) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			ServerWebExchange exchange) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			ServerWebExchange exchange) {
		return Mono.empty();
	}

}
