package dev.lanyard.provisioning.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the admin API: bearer JWTs from token-broker (ES256 or RS256) of type
 * {@code content-session} whose {@code roles} claim holds {@code administrator}.
 *
 * @param issuer the {@code iss} every caller's JWT must carry (key
 * {@code lanyard.provisioning.issuer})
 * @param jwkSetUri where token-broker publishes its signing keys (key
 * {@code lanyard.provisioning.jwk-set-uri})
 */
@ConfigurationProperties("lanyard.provisioning")
public record AdminApiProperties(@DefaultValue("http://127.0.0.1:8080") URI issuer,
		@DefaultValue("http://127.0.0.1:8081/oauth2/jwks") URI jwkSetUri) {

	public AdminApiProperties {
		Settings.requireHttpUrl(issuer, "lanyard.provisioning.issuer");
		Settings.requireHttpUrl(jwkSetUri, "lanyard.provisioning.jwk-set-uri");
	}

}
