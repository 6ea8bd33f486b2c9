package dev.lanyard.integrations.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer on 127.0.0.1 (a JDK {@link HttpServer}): its discovery
 * document at {@code /.well-known/openid-configuration} and one EC public key at
 * {@code /jwks}. The document's {@code issuer} is what the test says, to play an issuer
 * that answers for another one.
 */
public final class FakeIssuer implements AutoCloseable {

	private final HttpServer server;

	private final ECKey key;

	private volatile String announcedIssuer;

	private volatile String document;

	private volatile String keys;

	private final AtomicInteger documentRequests = new AtomicInteger();

	public FakeIssuer() {
		try {
			this.key = new ECKeyGenerator(Curve.P_256).keyID("fake-issuer-1").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.announcedIssuer = issuer();
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> {
			this.documentRequests.incrementAndGet();
			respond(exchange, (this.document != null) ? this.document : "{\"issuer\":\"" + this.announcedIssuer
					+ "\",\"jwks_uri\":\"" + issuer() + "/jwks\",\"token_endpoint\":\"" + issuer() + "/token\"}");
		});
		this.server.createContext("/jwks",
				(exchange) -> respond(exchange, (this.keys != null) ? this.keys : publicKeys()));
		this.server.start();
	}

	/** Its issuer: {@code http://127.0.0.1:<port>}, no trailing slash. */
	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The issuer its discovery document names from now on. */
	public FakeIssuer announcing(String issuer) {
		this.announcedIssuer = issuer;
		return this;
	}

	/** A discovery document of the test's own from now on. */
	public FakeIssuer serving(String document) {
		this.document = document;
		return this;
	}

	/** A JWK Set of the test's own at {@code /jwks} from now on. */
	public FakeIssuer servingKeys(String keys) {
		this.keys = keys;
		return this;
	}

	/** Its public keys as a JWK Set (JSON). */
	public String publicKeys() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/** Its key pair, private part included, as a JWK Set (JSON): what must be refused. */
	public String privateKeys() {
		return new JWKSet(this.key).toString(false);
	}

	public Map<String, Object> publicKeysAsObject() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

	public int documentRequests() {
		return this.documentRequests.get();
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
