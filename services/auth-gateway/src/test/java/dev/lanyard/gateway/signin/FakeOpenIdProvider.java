package dev.lanyard.gateway.signin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.lanyard.testing.http.StubResponses;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A hand-written OpenID provider on loopback whose ID tokens each test crafts: honest by
 * default, or with a chosen claim, signature or algorithm gone wrong. It plays its own
 * part strictly (PKCE S256 checked, codes used once, redirect URI and client compared),
 * so whatever the gateway refuses, it refuses on its own account.
 */
final class FakeOpenIdProvider implements AutoCloseable {

	/** How the provider signs the next ID token. */
	enum Signing {

		/** With its current key, published in its JWKS. */
		PROVIDER_KEY,

		/** With a key it never published, under the current key's {@code kid}. */
		FOREIGN_KEY,

		/** Not at all: {@code alg: none}. */
		UNSIGNED

	}

	/**
	 * The ID token the provider answers the next authorization with.
	 *
	 * @param subject the {@code sub} claim
	 * @param claims further claims
	 * @param tamper applied last to the claims, to break one of them
	 * @param signing how the token is signed
	 */
	record IdToken(String subject, Map<String, Object> claims, UnaryOperator<JWTClaimsSet.Builder> tamper,
			Signing signing) {

		static IdToken honest(String subject, Map<String, Object> claims) {
			return new IdToken(subject, claims, UnaryOperator.identity(), Signing.PROVIDER_KEY);
		}

		IdToken tampered(UnaryOperator<JWTClaimsSet.Builder> tamper) {
			return new IdToken(this.subject, this.claims, tamper, this.signing);
		}

		IdToken signed(Signing signing) {
			return new IdToken(this.subject, this.claims, this.tamper, signing);
		}

	}

	private record Grant(String clientId, String redirectUri, String nonce, String codeChallenge, IdToken idToken) {
	}

	private final HttpServer server;

	private final Queue<IdToken> next = new ConcurrentLinkedQueue<>();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private volatile java.time.Duration tokenDelay = java.time.Duration.ZERO;

	private volatile java.time.Duration discoveryDelay = java.time.Duration.ZERO;

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private final RSAKey foreignKey = generateKey("foreign");

	private volatile RSAKey signingKey = generateKey("key-1");

	private volatile JWKSet published = new JWKSet(this.signingKey.toPublicJWK());

	private FakeOpenIdProvider(HttpServer server) {
		this.server = server;
		server.createContext("/.well-known/openid-configuration", this::discovery);
		server.createContext("/jwks", this::jwks);
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
	}

	static FakeOpenIdProvider start() {
		try {
			FakeOpenIdProvider provider = new FakeOpenIdProvider(
					HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
			// a handler told to wait must hold up neither other requests nor close()
			provider.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			provider.server.start();
			return provider;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers the next authorization with this ID token. */
	void issueNext(IdToken idToken) {
		this.next.add(idToken);
	}

	/** Signs with a new key from now on and publishes it next to the old one. */
	void rotateKey() {
		RSAKey rotated = generateKey("key-" + UUID.randomUUID());
		this.published = new JWKSet(List.of(rotated.toPublicJWK(), this.signingKey.toPublicJWK()));
		this.signingKey = rotated;
	}

	/** Makes the token endpoint wait this long before it answers (zero: at once). */
	void delayTokenAnswers(java.time.Duration delay) {
		this.tokenDelay = delay;
	}

	/**
	 * Makes the discovery document wait this long before it is answered (zero: at once).
	 */
	void delayDiscoveryAnswers(java.time.Duration delay) {
		this.discoveryDelay = delay;
	}

	int tokenRequests() {
		return this.tokenRequests.get();
	}

	int jwksRequests() {
		return this.jwksRequests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static void pause(java.time.Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void discovery(HttpExchange exchange) throws IOException {
		pause(this.discoveryDelay);
		String issuer = issuer();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer);
		metadata.put("authorization_endpoint", issuer + "/authorize");
		metadata.put("token_endpoint", issuer + "/token");
		metadata.put("jwks_uri", issuer + "/jwks");
		metadata.put("response_types_supported", List.of("code"));
		metadata.put("subject_types_supported", List.of("public"));
		metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
		metadata.put("code_challenge_methods_supported", List.of("S256"));
		metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		StubResponses.json(exchange, 200, JSONObjectUtils.toJSONString(metadata));
	}

	private void jwks(HttpExchange exchange) throws IOException {
		this.jwksRequests.incrementAndGet();
		StubResponses.json(exchange, 200, this.published.toString(true));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		IdToken idToken = this.next.poll();
		if (idToken == null || !"code".equals(query.get("response_type")) || query.get("client_id") == null
				|| query.get("redirect_uri") == null || query.get("code_challenge") == null
				|| !"S256".equals(query.get("code_challenge_method"))) {
			StubResponses.json(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("nonce"),
				query.get("code_challenge"), idToken));
		String location = query.get("redirect_uri") + "?code=" + code
				+ ((query.get("state") != null) ? "&state=" + encode(query.get("state")) : "");
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		this.tokenRequests.incrementAndGet();
		pause(this.tokenDelay);
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = this.codes.remove(String.valueOf(form.get("code")));
		if (grant == null || !"authorization_code".equals(form.get("grant_type"))
				|| !grant.redirectUri().equals(form.get("redirect_uri"))
				|| !grant.clientId().equals(basicClientId(exchange))) {
			StubResponses.json(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		if (form.get("code_verifier") == null || !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
			StubResponses.json(exchange, 400,
					"{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", UUID.randomUUID().toString());
		body.put("token_type", "Bearer");
		body.put("expires_in", 300);
		body.put("scope", "openid email profile");
		body.put("id_token", idToken(grant));
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		StubResponses.json(exchange, 200, JSONObjectUtils.toJSONString(body));
	}

	private String idToken(Grant grant) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(grant.idToken().subject())
			.audience(grant.clientId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("nonce", grant.nonce());
		grant.idToken().claims().forEach(claims::claim);
		JWTClaimsSet crafted = grant.idToken().tamper().apply(claims).build();
		RSAKey key = this.signingKey;
		try {
			return switch (grant.idToken().signing()) {
				case PROVIDER_KEY -> sign(crafted, key, key.getKeyID());
				case FOREIGN_KEY -> sign(crafted, this.foreignKey, key.getKeyID());
				case UNSIGNED -> new PlainJWT(crafted).serialize();
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWTClaimsSet claims, RSAKey key, String kid) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String basicClientId(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		return URLDecoder.decode(decoded.substring(0, decoded.indexOf(':')), StandardCharsets.UTF_8);
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new HashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static RSAKey generateKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
