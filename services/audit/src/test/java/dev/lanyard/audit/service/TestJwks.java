package dev.lanyard.audit.service;

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

	private final ECKey key;

	private final ECKey stranger;

	private final HttpServer server;

	TestJwks() {
		try {
			this.key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
			this.stranger = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
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

	String token(String issuer, List<String> roles) {
		return sign(this.key, issuer, roles, "content-session");
	}

	/** As token-broker signs a token of another type (e.g. a user session token). */
	String token(List<String> roles, String tokenType) {
		return sign(this.key, ISSUER, roles, tokenType);
	}

	/** Signed by a key the JWK set does not hold, under the same key id. */
	String tokenFromStranger(List<String> roles) {
		return sign(this.stranger, ISSUER, roles, "content-session");
	}

	/** An auditor's token meant for another service than audit. */
	String tokenForAudience(String audience, List<String> roles) {
		return sign(this.key, ISSUER, roles, "content-session", audience);
	}

	private static String sign(ECKey key, String issuer, List<String> roles, String tokenType) {
		return sign(key, issuer, roles, tokenType, "audit");
	}

	private static String sign(ECKey key, String issuer, List<String> roles, String tokenType, String audience) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("auditor-client")
			.audience(audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", roles)
			.claim("lanyard_token_type", tokenType)
			.build();
		// always an access token's typ, so the claim-level checks stay reachable in tests
		JOSEObjectType typ = new JOSEObjectType("at+jwt");
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(typ).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(key));
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
