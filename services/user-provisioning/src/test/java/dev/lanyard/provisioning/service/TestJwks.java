package dev.lanyard.provisioning.service;

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
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for token-broker's JWKS: an ES256 key served as a JWK set from a tiny HTTP
 * server on 127.0.0.1, and JWTs signed with it the way token-broker signs them.
 */
final class TestJwks implements AutoCloseable {

	static final String ISSUER = "http://127.0.0.1:8080";

	static final String CONTENT_SESSION = "content-session";

	static final String USER_SESSION = "user-session";

	private final ECKey key;

	private final HttpServer server;

	TestJwks() {
		try {
			this.key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] body = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
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

	/** A content-session token, as token-broker issues to a registered client. */
	String token(String issuer, String subject, List<String> roles) {
		return token(issuer, subject, CONTENT_SESSION, roles);
	}

	/**
	 * A token of the kind {@code tokenType} ({@code lanyard_token_type}; left out when
	 * {@code null}).
	 */
	String token(String issuer, String subject, String tokenType, List<String> roles) {
		return token(issuer, subject, tokenType, roles, "user-provisioning");
	}

	/** As {@link #token(String, String, String, List)}, for {@code audience}. */
	String token(String issuer, String subject, String tokenType, List<String> roles, String audience) {
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
		// always an access token's typ, so the claim-level checks stay reachable in tests
		JOSEObjectType typ = new JOSEObjectType("at+jwt");
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).type(typ).build(), claims);
		try {
			jwt.sign(new ECDSASigner(this.key));
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
