package dev.lanyard.tokenbroker.clientcredentials;

import java.time.Clock;

import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.ClientCredentialsAuthenticationProvider;
import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.ClientCredentialsGrant;
import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.LanyardJwtCustomizer;
import dev.lanyard.tokenbroker.clientcredentials.application.RecordClientAccessToken;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The client-credentials grant: clients' own access tokens, signed by the authorization
 * server's JWT generator and recorded before they are handed out.
 */
@Configuration(proxyBeanMethods = false)
class ClientCredentialsConfiguration {

	/** Also what the authorization server's own generator applies, should it sign. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> lanyardJwtCustomizer(TokenProperties tokens) {
		return new LanyardJwtCustomizer(tokens.jwsAlgorithm());
	}

	/**
	 * Not an {@code AuthenticationProvider} bean: Spring Security would make that the
	 * global authentication manager, the parent every refusal falls through to.
	 */
	@Bean
	ClientCredentialsGrant clientCredentialsGrant(JwtEncoder jwtEncoder,
			OAuth2TokenCustomizer<JwtEncodingContext> lanyardJwtCustomizer, IssuanceAuditTrail auditTrail,
			Clock clock) {
		JwtGenerator generator = new JwtGenerator(jwtEncoder);
		generator.setJwtCustomizer(lanyardJwtCustomizer);
		generator.setClock(clock);
		return new ClientCredentialsGrant(
				new ClientCredentialsAuthenticationProvider(generator, new RecordClientAccessToken(auditTrail, clock)));
	}

}
