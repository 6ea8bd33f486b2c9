package dev.lanyard.tokenbroker.jwt;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * What every token this service mints by hand shares: its issuer, the registered claims
 * every Lanyard token carries, and a signature by the current signing key with the header
 * {@code typ} that says what the token is for. Each kind of token adds only its own
 * claims.
 */
public final class TokenSigning {

	private final JwtEncoder encoder;

	private final SignatureAlgorithm algorithm;

	private final String issuer;

	public TokenSigning(JwtEncoder encoder, SignatureAlgorithm algorithm, String issuer) {
		if (encoder == null) {
			throw new IllegalArgumentException("encoder cannot be null");
		}
		if (algorithm == null) {
			throw new IllegalArgumentException("algorithm cannot be null");
		}
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		this.encoder = encoder;
		this.algorithm = algorithm;
		this.issuer = issuer;
	}

	/**
	 * {@code iss}, {@code sub}, {@code aud}, {@code iat} (also {@code nbf}), {@code exp}
	 * and {@code jti}; the caller adds the rest.
	 */
	public JwtClaimsSet.Builder claims(String subject, List<String> audience, String tokenId, Instant issuedAt,
			Instant expiresAt) {
		return JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(subject)
			.audience(audience)
			.issuedAt(issuedAt)
			.notBefore(issuedAt)
			.expiresAt(expiresAt)
			.id(tokenId);
	}

	/** The signed token, header {@code typ} = {@code type}. */
	public String sign(String type, JwtClaimsSet.Builder claims) {
		if (type == null || claims == null) {
			throw new IllegalArgumentException("type and claims cannot be null");
		}
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(this.algorithm).type(type).build(), claims.build()))
			.getTokenValue();
	}

}
