package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which requests are federation's, what they carry, and their client authentication. */
class FederationGrantAuthenticationConverterTest {

	private static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private final FederationGrantAuthenticationConverter converter = new FederationGrantAuthenticationConverter();

	private static MockHttpServletRequest request(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		for (int i = 0; i < parameters.length; i += 2) {
			request.addParameter(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	@Test
	void convertWhenJwtBearerThenAssertionAndScopes() {
		FederationGrantAuthenticationToken token = (FederationGrantAuthenticationToken) this.converter
			.convert(request("grant_type", AuthorizationGrantType.JWT_BEARER.getValue(), "assertion", "a.b.c", "scope",
					"read write"));
		assertThat(token.getGrantType()).isEqualTo(AuthorizationGrantType.JWT_BEARER);
		assertThat(token.getPresentedToken()).isEqualTo("a.b.c");
		assertThat(token.getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(token.getIntegrationId()).isNull();
	}

	@Test
	void convertWhenIdTokenExchangeThenSubjectTokenAndAudience() {
		FederationGrantAuthenticationToken token = (FederationGrantAuthenticationToken) this.converter
			.convert(request("grant_type", EXCHANGE, "subject_token", "a.b.c", "subject_token_type",
					FederationGrants.ID_TOKEN_TYPE, "audience", "fed-1"));
		assertThat(token.getGrantType()).isEqualTo(AuthorizationGrantType.TOKEN_EXCHANGE);
		assertThat(token.getIntegrationId()).isEqualTo("fed-1");
	}

	@Test
	void convertWhenLanyardSubjectTokenTypeThenLeftToTheOtherExchange() {
		assertThat(this.converter.convert(request("grant_type", EXCHANGE, "subject_token", "x", "subject_token_type",
				"urn:lanyard:params:oauth:token-type:content-session")))
			.isNull();
	}

	@Test
	void convertWhenClientCredentialsThenNull() {
		assertThat(this.converter.convert(request("grant_type", "client_credentials"))).isNull();
	}

	@Test
	void convertWhenActorTokenThenInvalidRequest() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.converter.convert(request("grant_type", EXCHANGE, "subject_token", "a.b.c",
					"subject_token_type", FederationGrants.JWT_TYPE, "actor_token", "x")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenNoAssertionThenInvalidRequest() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(
					() -> this.converter.convert(request("grant_type", AuthorizationGrantType.JWT_BEARER.getValue())))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenOtherRequestedTokenTypeThenInvalidRequest() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.converter.convert(request("grant_type", EXCHANGE, "subject_token", "a.b.c",
					"subject_token_type", FederationGrants.ID_TOKEN_TYPE, "requested_token_type",
					"urn:ietf:params:oauth:token-type:refresh_token")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void clientAuthenticationWhenFederationGrantWithoutCredentialsThenBuiltInPublicClient() {
		FederationClientAuthentication authentication = new FederationClientAuthentication();
		Authentication authenticated = authenticate(authentication,
				request("grant_type", AuthorizationGrantType.JWT_BEARER.getValue(), "assertion", "a.b.c"));
		assertThat(authenticated).isInstanceOfSatisfying(OAuth2ClientAuthenticationToken.class, (client) -> {
			assertThat(client.isAuthenticated()).isTrue();
			assertThat(authentication.isBuiltIn(client.getRegisteredClient())).isTrue();
		});
	}

	@Test
	void clientAuthenticationWhenOtherGrantWithoutCredentialsThenNothing() {
		assertThat(authenticate(new FederationClientAuthentication(), request("grant_type", "client_credentials")))
			.isNull();
	}

	@Test
	void clientAuthenticationWhenCredentialsGivenThenLeftToTheirAuthentication() {
		MockHttpServletRequest withBasic = request("grant_type", AuthorizationGrantType.JWT_BEARER.getValue(),
				"assertion", "a.b.c");
		withBasic.addHeader("Authorization", "Basic Yzpz");
		assertThat(authenticate(new FederationClientAuthentication(), withBasic)).isNull();
		assertThat(authenticate(new FederationClientAuthentication(),
				request("grant_type", AuthorizationGrantType.JWT_BEARER.getValue(), "assertion", "a.b.c", "client_id",
						"c", "client_secret", "s")))
			.isNull();
	}

	@Test
	void clientAuthenticationWhenAnotherClientAuthenticationThenNotTaken() {
		List<AuthenticationProvider> providers = new ArrayList<>();
		new FederationClientAuthentication().addProvider(providers);
		assertThat(
				providers.getFirst()
					.authenticate(new OAuth2ClientAuthenticationToken(FederationClientAuthentication.CLIENT_ID,
							org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE, null, null)))
			.isNull();
	}

	/** Converts as the client-authentication filter would, then authenticates. */
	private static Authentication authenticate(FederationClientAuthentication authentication,
			MockHttpServletRequest request) {
		List<AuthenticationConverter> converters = new ArrayList<>();
		authentication.addConverter(converters);
		Authentication converted = converters.getFirst().convert(request);
		if (converted == null) {
			return null;
		}
		List<AuthenticationProvider> providers = new ArrayList<>();
		authentication.addProvider(providers);
		return providers.getFirst().authenticate(converted);
	}

}
