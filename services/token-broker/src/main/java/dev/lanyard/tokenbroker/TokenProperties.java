package dev.lanyard.tokenbroker;

import java.net.URI;
import java.time.Duration;

import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * What the tokens look like.
 *
 * @param issuer {@code lanyard.token-broker.issuer}: the {@code iss} of every token and
 * of the discovery metadata; the gateway's public URL
 * @param signingAlgorithm {@code lanyard.token-broker.signing-algorithm}: ES256 or RS256
 * @param contentSessionTokenTimeToLive
 * {@code lanyard.token-broker.content-session-token-time-to-live}: lifetime of content
 * session tokens
 */
@ConfigurationProperties("lanyard.token-broker")
public record TokenProperties(@DefaultValue("http://127.0.0.1:8080") URI issuer,
		@DefaultValue("ES256") SigningAlgorithm signingAlgorithm,
		@DefaultValue("PT15M") Duration contentSessionTokenTimeToLive) {

	private static final Duration MAX_TIME_TO_LIVE = Duration.ofHours(24);

	public TokenProperties {
		if (issuer == null || !issuer.isAbsolute()
				|| !("http".equals(issuer.getScheme()) || "https".equals(issuer.getScheme()))
				|| issuer.getHost() == null || issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.issuer must be an http(s) URL without query or fragment, was " + issuer);
		}
		if (signingAlgorithm == null) {
			throw new IllegalArgumentException("lanyard.token-broker.signing-algorithm must be ES256 or RS256");
		}
		if (contentSessionTokenTimeToLive == null || contentSessionTokenTimeToLive.toSeconds() < 1
				|| contentSessionTokenTimeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.content-session-token-time-to-live must be between 1 second and 24 hours, was "
							+ contentSessionTokenTimeToLive);
		}
	}

	/** The signing algorithm as Spring Security's JWT encoders name it. */
	public SignatureAlgorithm jwsAlgorithm() {
		return SignatureAlgorithm.from(this.signingAlgorithm.name());
	}

	/** The issuer as the authorization server wants it: no trailing slash. */
	public String issuerUrl() {
		String url = this.issuer.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
