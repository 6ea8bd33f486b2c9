package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The client-credentials grant's converter and provider, put in place of the
 * authorization server's own through its token endpoint's list customizers. Replaced, not
 * added: the authorization server's provider, which records nothing, would otherwise be
 * tried after every refusal of ours (a provider manager tries the next one that supports
 * the request).
 */
public final class ClientCredentialsGrant {

	private final AuthenticationConverter converter = new ClientCredentialsAuthenticationConverter();

	private final AuthenticationProvider provider;

	public ClientCredentialsGrant(ClientCredentialsAuthenticationProvider provider) {
		if (provider == null) {
			throw new IllegalArgumentException("provider cannot be null");
		}
		this.provider = provider;
	}

	/** For {@code tokenEndpoint.accessTokenRequestConverters(...)}. */
	public void replaceConverter(List<AuthenticationConverter> converters) {
		converters.removeIf(OAuth2ClientCredentialsAuthenticationConverter.class::isInstance);
		converters.addFirst(this.converter);
	}

	/** For {@code tokenEndpoint.authenticationProviders(...)}. */
	public void replaceProvider(List<AuthenticationProvider> providers) {
		providers.removeIf(OAuth2ClientCredentialsAuthenticationProvider.class::isInstance);
		providers.addFirst(this.provider);
	}

}
