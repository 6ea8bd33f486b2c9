package dev.lanyard.testing.jwt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.lanyard.testing.http.StubResponses;

/**
 * Stands in for token-broker's JWKS: an ES256 and an RS256 key served as a JWK set from a
 * tiny HTTP server on 127.0.0.1, and JWTs signed with them the way token-broker signs its
 * tokens. A service test points its resource server at {@link #jwkSetUri()} and trusts
 * {@link #ISSUER}; {@link #token()} builds any token a test needs, including the ones the
 * service must refuse.
 */
public final class TestJwks implements AutoCloseable {

	/**
	 * The issuer the service under test is told to trust. Not any service's default, so a
	 * test passes only when its setting reaches the service.
	 */
	public static final String ISSUER = "http://127.0.0.1:18080";

	public static final String CONTENT_SESSION = "content-session";

	public static final String USER_SESSION = "user-session";

	public static final String INTERNAL_SERVICE = "internal-service";

	private static final String KEY_ID = "ec-key";

	private final String audience;

	private final ECKey ec;

	private final RSAKey rsa;

	private final ECKey stranger;

	private final HttpServer server;

	/**
	 * Starts serving the JWK set.
	 * @param audience the audience token-broker gives tokens meant for the service under
	 * test
	 */
	public TestJwks(String audience) {
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("audience cannot be blank");
		}
		this.audience = audience;
		try {
			this.ec = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
			this.rsa = new RSAKeyGenerator(2048).keyID("rsa-key").generate();
			// same key id as the real key: only the signature can tell them apart
			this.stranger = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		String body = new JWKSet(List.of(this.ec.toPublicJWK(), this.rsa.toPublicJWK())).toString();
		this.server.createContext("/oauth2/jwks", (exchange) -> StubResponses.json(exchange, 200, body));
		this.server.start();
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/**
	 * A content-session token for the service under test, as token-broker issues to a
	 * registered client: ES256, from {@link #ISSUER}.
	 */
	public String token(String subject, String... roles) {
		return token().subject(subject).roles(roles).sign();
	}

	/**
	 * A token to shape: by default as {@link #token(String, String...)} with subject
	 * {@code test-client} and no roles.
	 */
	public TestToken token() {
		return new TestToken(this.ec, this.rsa, this.stranger, this.audience);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
