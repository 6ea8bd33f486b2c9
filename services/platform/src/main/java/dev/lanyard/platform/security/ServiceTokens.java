package dev.lanyard.platform.security;

import java.util.List;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What tells Lanyard's tokens apart besides their signature: the JOSE {@code typ} of each
 * kind and the audience ({@code aud}) of each resource service. token-broker signs every
 * kind with the same keys and issuer, so a service that took any well-signed token would
 * take one meant for another service or another use; each checks both instead.
 */
public final class ServiceTokens {

	/**
	 * RFC 9068 access tokens: content session, connections and internal-service tokens.
	 */
	public static final String ACCESS_TOKEN_TYP = "at+jwt";

	/**
	 * User session tokens: handed to one content item to exchange at token-broker, not
	 * presented as an access token to an API.
	 */
	public static final String USER_SESSION_TYP = "user-session+jwt";

	public static final String TOKEN_BROKER = "token-broker";

	public static final String AUDIT = "audit";

	public static final String INTEGRATION_REGISTRY = "integration-registry";

	public static final String USER_PROVISIONING = "user-provisioning";

	private ServiceTokens() {
	}

	/**
	 * The audiences a client's token carries: where a client of that kind (content,
	 * auditor, administrator, gateway) may present it.
	 */
	public static List<String> audiencesOfClientKind(String kind) {
		return switch (kind) {
			case "content" -> List.of(TOKEN_BROKER, INTEGRATION_REGISTRY);
			case "auditor" -> List.of(AUDIT);
			case "administrator" -> List.of(TOKEN_BROKER, INTEGRATION_REGISTRY, USER_PROVISIONING);
			case "gateway" -> List.of(TOKEN_BROKER);
			default -> throw new IllegalArgumentException("Unknown client kind: " + kind);
		};
	}

	/**
	 * A decoder for a resource service: token-broker's keys from its JWK set (ES256 or
	 * RS256), the issuer exactly, the service among the audiences, and one of the given
	 * types (default: access tokens only), besides the expiry.
	 */
	public static JwtDecoder decoder(String jwkSetUri, String issuer, String audience, String... types) {
		if (jwkSetUri == null || issuer == null || audience == null) {
			throw new IllegalArgumentException("jwkSetUri, issuer and audience cannot be null");
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
				new JwtAudienceValidator(audience),
				new JwtTypeValidator((types.length == 0) ? new String[] { ACCESS_TOKEN_TYP } : types)));
		return decoder;
	}

}
