package dev.lanyard.integrations.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for token-broker's JWKS: an ES256 and an RS256 key served as a JWK set from
 * 127.0.0.1, and JWTs signed with them the way token-broker signs its tokens.
 */
final class TestJwks implements AutoCloseable {

	static final String ISSUER = "http://127.0.0.1:18080";

	static final String CONTENT_SESSION = "content-session";

	static final String USER_SESSION = "user-session";

	static final String INTERNAL_SERVICE = "internal-service";

	/** The audience token-broker gives tokens meant for this service. */
	static final String AUDIENCE = "integration-registry";

	private final ECKey ec;

	private final RSAKey rsa;

	private final ECKey stranger;

	private final HttpServer server;

	TestJwks() {
		try {
			this.ec = new ECKeyGenerator(Curve.P_256).keyID("ec-key").generate();
			this.rsa = new RSAKeyGenerator(2048).keyID("rsa-key").generate();
			this.stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-key").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] body = new JWKSet(List.of(this.ec.toPublicJWK(), this.rsa.toPublicJWK())).toString()
			.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/oauth2/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/** A content-session token: ES256, from the expected issuer. */
	String token(String subject, String... roles) {
		return typedToken(CONTENT_SESSION, subject, roles);
	}

	/**
	 * ES256 from the expected issuer, of the kind {@code tokenType}
	 * ({@code lanyard_token_type}; left out when {@code null}).
	 */
	String typedToken(String tokenType, String subject, String... roles) {
		return sign(JWSAlgorithm.ES256, this.ec.getKeyID(), signer(this.ec), ISSUER, subject, AUDIENCE, tokenType,
				List.of(roles));
	}

	/** A well-signed content-session token with this JOSE {@code typ} (or none). */
	String tokenOfTyp(String typ, String subject, String... roles) {
		return sign(JWSAlgorithm.ES256, this.ec.getKeyID(), signer(this.ec), ISSUER, subject, AUDIENCE, CONTENT_SESSION,
				List.of(roles), typ);
	}

	/**
	 * An internal-service token for an audience, as token-broker's internal tokens: ES256
	 * from the expected issuer.
	 */
	String tokenFor(String audience, String subject, String... roles) {
		return typedTokenFor(INTERNAL_SERVICE, audience, subject, roles);
	}

	/** As {@link #tokenFor}, of the kind {@code tokenType}. */
	String typedTokenFor(String tokenType, String audience, String subject, String... roles) {
		return sign(JWSAlgorithm.ES256, this.ec.getKeyID(), signer(this.ec), ISSUER, subject, audience, tokenType,
				List.of(roles));
	}

	String rs256Token(String subject, String... roles) {
		try {
			return sign(JWSAlgorithm.RS256, this.rsa.getKeyID(), new RSASSASigner(this.rsa), ISSUER, subject,
					List.of(roles));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String tokenFromIssuer(String issuer, String subject, String... roles) {
		return sign(JWSAlgorithm.ES256, this.ec.getKeyID(), signer(this.ec), issuer, subject, List.of(roles));
	}

	/** Signed by a key the JWK set does not hold, under the same key id. */
	String tokenFromStranger(String subject, String... roles) {
		return sign(JWSAlgorithm.ES256, this.stranger.getKeyID(), signer(this.stranger), ISSUER, subject,
				List.of(roles));
	}

	private static JWSSigner signer(ECKey key) {
		try {
			return new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer, String issuer, String subject,
			List<String> roles) {
		return sign(algorithm, keyId, signer, issuer, subject, AUDIENCE, CONTENT_SESSION, roles);
	}

	private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer, String issuer, String subject,
			String audience, String tokenType, List<String> roles) {
		return sign(algorithm, keyId, signer, issuer, subject, audience, tokenType, roles,
				USER_SESSION.equals(tokenType) ? "user-session+jwt" : "at+jwt");
	}

	private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer, String issuer, String subject,
			String audience, String tokenType, List<String> roles, String typ) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", roles)
			.claim("lanyard_token_type", tokenType)
			.build();
		JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(keyId);
		if (typ != null) {
			header.type(new JOSEObjectType(typ));
		}
		SignedJWT jwt = new SignedJWT(header.build(), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
