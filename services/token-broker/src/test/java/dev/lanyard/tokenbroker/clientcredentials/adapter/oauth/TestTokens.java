package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;

/** Client access tokens made the way the token endpoint makes them. */
public final class TestTokens {

	public static final String ISSUER = "http://127.0.0.1:8080";

	public static final ECKey KEY = generateKey();

	private TestTokens() {
	}

	public static RegisteredClient client(String clientId, String kind, String... scopes) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret("{sha256}" + "0".repeat(64))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((s) -> s.addAll(Set.of(scopes)))
			.clientSettings(
					ClientSettings.builder().setting(CachingRegisteredClientRepository.KIND_SETTING, kind).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
			.build();
	}

	/** The token generator the token endpoint uses, with the test key. */
	public static JwtGenerator generator() {
		JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY))));
		generator.setJwtCustomizer(new LanyardJwtCustomizer(SignatureAlgorithm.ES256));
		return generator;
	}

	/** The authorization server's context of a request, with {@link #ISSUER}. */
	public static AuthorizationServerContext context() {
		return new FixedContext();
	}

	static Jwt jwt(RegisteredClient client, Set<String> scopes) {
		OAuth2ClientAuthenticationToken principal = principal(client);
		return generator().generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(client)
			.principal(principal)
			.authorizationServerContext(new FixedContext())
			.authorizedScopes(scopes)
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrant(new OAuth2ClientCredentialsAuthenticationToken(principal, scopes, null))
			.build());
	}

	public static OAuth2AccessTokenAuthenticationToken authentication(RegisteredClient client, Set<String> scopes) {
		Jwt jwt = jwt(client, scopes);
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
				jwt.getIssuedAt(), jwt.getExpiresAt(), scopes);
		return new OAuth2AccessTokenAuthenticationToken(client, principal(client), token);
	}

	public static OAuth2ClientAuthenticationToken principal(RegisteredClient client) {
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);
	}

	private static ECKey generateKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID("test-key")
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class FixedContext implements AuthorizationServerContext {

		@Override
		public String getIssuer() {
			return ISSUER;
		}

		@Override
		public AuthorizationServerSettings getAuthorizationServerSettings() {
			return AuthorizationServerSettings.builder().issuer(ISSUER).build();
		}

	}

}
