package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.TestTokens;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatelessClientCredentialsAuthorizationServiceTest {

	private final InMemoryOAuth2AuthorizationService otherGrants = new InMemoryOAuth2AuthorizationService();

	private final StatelessClientCredentialsAuthorizationService service = new StatelessClientCredentialsAuthorizationService(
			this.otherGrants);

	@Test
	void saveWhenClientCredentialsThenKeepsNothing() {
		OAuth2Authorization authorization = authorization("a-1", AuthorizationGrantType.CLIENT_CREDENTIALS);
		this.service.save(authorization);
		assertThat(this.service.findById("a-1")).isNull();
	}

	@Test
	void saveWhenOtherGrantThenDelegates() {
		OAuth2Authorization authorization = authorization("a-2", AuthorizationGrantType.AUTHORIZATION_CODE);
		this.service.save(authorization);
		assertThat(this.service.findById("a-2")).isEqualTo(authorization);
		this.service.remove(authorization);
		assertThat(this.service.findById("a-2")).isNull();
	}

	@Test
	void saveWhenNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.save(null))
			.withMessage("authorization cannot be null");
	}

	@Test
	void constructorWhenDelegateNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StatelessClientCredentialsAuthorizationService(null))
			.withMessage("otherGrants cannot be null");
	}

	private static OAuth2Authorization authorization(String id, AuthorizationGrantType grant) {
		return OAuth2Authorization.withRegisteredClient(TestTokens.client("c-42", "content"))
			.id(id)
			.principalName("c-42")
			.authorizationGrantType(grant)
			.build();
	}

}
