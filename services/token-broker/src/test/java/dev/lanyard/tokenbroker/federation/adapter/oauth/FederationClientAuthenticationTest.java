package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.authentication.AuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class FederationClientAuthenticationTest {

	private final AuthenticationConverter converter = converter();

	@Test
	void convertWhenNoClientCredentialsThenThePublicClient() {
		assertThat(this.converter.convert(federation())).isNotNull();
	}

	@Test
	void convertWhenClientIdOfTheBuiltInClientThenThePublicClient() {
		MockHttpServletRequest request = federation();
		request.addParameter("client_id", FederationClientAuthentication.CLIENT_ID);
		assertThat(this.converter.convert(request)).isNotNull();
	}

	/**
	 * Naming a confidential client without its secret must not become an unauthenticated
	 * federation request: it is that client's failed authentication.
	 */
	@Test
	void convertWhenAnotherClientNamedWithoutCredentialsThenNotThePublicClient() {
		MockHttpServletRequest request = federation();
		request.addParameter("client_id", "content-1");
		assertThat(this.converter.convert(request)).isNull();
		MockHttpServletRequest twice = federation();
		twice.addParameter("client_id", FederationClientAuthentication.CLIENT_ID);
		twice.addParameter("client_id", "content-1");
		assertThat(this.converter.convert(twice)).isNull();
	}

	@Test
	void convertWhenCredentialsPresentedThenLeftToClientAuthentication() {
		MockHttpServletRequest basic = federation();
		basic.addHeader("Authorization", "Basic Y29udGVudC0xOndyb25n");
		MockHttpServletRequest secret = federation();
		secret.addParameter("client_secret", "wrong");
		MockHttpServletRequest assertion = federation();
		assertion.addParameter("client_assertion_type", "");
		for (MockHttpServletRequest request : List.of(basic, secret, assertion)) {
			assertThat(this.converter.convert(request)).isNull();
		}
	}

	private static MockHttpServletRequest federation() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
		request.addParameter("assertion", "eyJ.presented.token");
		return request;
	}

	private static AuthenticationConverter converter() {
		List<AuthenticationConverter> converters = new ArrayList<>();
		new FederationClientAuthentication().addConverter(converters);
		return converters.getFirst();
	}

}
