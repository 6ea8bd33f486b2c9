package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clientcredentials.application.RecordClientAccessToken;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2RefreshTokenAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientCredentialsGrantTest {

	private final ClientCredentialsAuthenticationProvider provider = new ClientCredentialsAuthenticationProvider(
			TestTokens.generator(), new RecordClientAccessToken((issuance) -> {
			}, Clock.systemUTC()));

	private final ClientCredentialsGrant grant = new ClientCredentialsGrant(this.provider);

	@Test
	void replaceConverterWhenDefaultsThenOursFirstAndTheServersGone() {
		AuthenticationConverter other = new OAuth2RefreshTokenAuthenticationConverter();
		List<AuthenticationConverter> converters = new ArrayList<>(
				List.of(other, new OAuth2ClientCredentialsAuthenticationConverter()));

		this.grant.replaceConverter(converters);

		assertThat(converters).hasSize(2).first().isInstanceOf(ClientCredentialsAuthenticationConverter.class);
		assertThat(converters).contains(other)
			.noneMatch(OAuth2ClientCredentialsAuthenticationConverter.class::isInstance);
	}

	@Test
	void replaceProviderWhenDefaultsThenOursFirstAndTheServersGone() {
		OAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
		AuthenticationProvider other = new TestingAuthenticationProvider();
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(other,
				new OAuth2ClientCredentialsAuthenticationProvider(authorizations, TestTokens.generator())));

		this.grant.replaceProvider(providers);

		assertThat(providers).containsExactly(this.provider, other);
	}

	@Test
	void constructorWhenProviderNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCredentialsGrant(null))
			.withMessage("provider cannot be null");
	}

	@Test
	void tokenWhenRequestNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCredentialsGrantAuthenticationToken(null, "r"))
			.withMessage("request cannot be null");
	}

	@Test
	void tokenWhenCorrelationIdBlankThenThrows() {
		OAuth2ClientCredentialsAuthenticationToken request = new OAuth2ClientCredentialsAuthenticationToken(
				TestTokens.principal(TestTokens.client("c-42", "content")), Set.of(), Map.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientCredentialsGrantAuthenticationToken(request, " "))
			.withMessage("correlationId cannot be blank");
	}

}
