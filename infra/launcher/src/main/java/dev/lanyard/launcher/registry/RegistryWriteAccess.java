package dev.lanyard.launcher.registry;

import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.lanyard.launcher.settings.StateDirectory;

/**
 * Who may write to the launcher's Apicurio Registry: the holder of one RSA key, which the
 * launcher generates once and keeps in its state folder (mode 600). Apicurio checks a
 * write's bearer token against the public half locally (Quarkus OIDC's {@code public-key}
 * mode) and lets anyone read, so the services' serdes need nothing.
 * <p>
 * Why not token-broker as the issuer: it hands out no token before Kafka acknowledged its
 * TokenIssued event, and that event cannot be serialized before its schema is registered,
 * so the registration's own token could never be issued. The development OIDC provider
 * gives a token to anyone who asks, so it proves nothing.
 *
 * @param key the signing key (its public half goes to the registry)
 */
public record RegistryWriteAccess(RSAKey key) {

	/** The {@code iss} of the launcher's registry tokens; the registry requires it. */
	public static final String ISSUER = "urn:lanyard:launcher";

	/** The {@code aud} the registry requires. */
	public static final String AUDIENCE = "apicurio-registry";

	/** Apicurio's default name of the role allowed everything. */
	public static final String ADMIN_ROLE = "sr-admin";

	static final String FILE = "registry-writer.jwk";

	private static final String TENANT = "lanyard";

	private static final Duration TOKEN_TIME_TO_LIVE = Duration.ofMinutes(5);

	public RegistryWriteAccess {
		if (key == null) {
			throw new IllegalArgumentException("key cannot be null");
		}
		if (!key.isPrivate()) {
			throw new IllegalArgumentException("key must hold its private half");
		}
	}

	/** The key of this state folder, generated on first use. */
	public static RegistryWriteAccess loadOrCreate(StateDirectory state) {
		if (state == null) {
			throw new IllegalArgumentException("state cannot be null");
		}
		try {
			if (Files.isRegularFile(state.file(FILE))) {
				return new RegistryWriteAccess(RSAKey.parse(Files.readString(state.file(FILE))));
			}
			RegistryWriteAccess generated = generate();
			state.writePrivateText(FILE, generated.key().toJSONString());
			return generated;
		}
		catch (java.io.IOException | ParseException ex) {
			throw new IllegalStateException("Cannot read the registry writer's key " + state.file(FILE), ex);
		}
	}

	/** A new key, kept nowhere. */
	public static RegistryWriteAccess generate() {
		try {
			return new RegistryWriteAccess(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	/**
	 * Apicurio's settings: authentication on, tokens checked against this key, issuer and
	 * audience; reads open to anyone; writes for the admin role only.
	 */
	public Map<String, String> registrySettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		// Apicurio's switch for authentication is the default tenant's
		settings.put("quarkus.oidc.tenant-enabled", "true");
		// Quarkus takes a public key only where no server is named, and Apicurio needs
		// the default tenant's server URL set: so every path goes to a tenant of its own,
		// and the default one points at nothing (it gets no request)
		settings.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9");
		String tenant = "quarkus.oidc." + TENANT + ".";
		settings.put(tenant + "tenant-paths", "/*");
		settings.put(tenant + "application-type", "service");
		settings.put(tenant + "public-key", publicKey());
		settings.put(tenant + "token.issuer", ISSUER);
		settings.put(tenant + "token.audience", AUDIENCE);
		settings.put(tenant + "roles.role-claim-path", "groups");
		// the app sets it to DEBUG, which logs every refused token whole
		settings.put("quarkus.log.category.\"io.quarkus.oidc.runtime.OidcProvider\".level", "INFO");
		settings.put("apicurio.auth.anonymous-read-access.enabled", "true");
		settings.put("apicurio.auth.role-based-authorization", "true");
		settings.put("apicurio.auth.role-source", "token");
		return settings;
	}

	/** The public half as Quarkus reads it: Base64 of its X.509 encoding. */
	public String publicKey() {
		try {
			return Base64.getEncoder().encodeToString(this.key.toRSAPublicKey().getEncoded());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot encode the registry writer's public key", ex);
		}
	}

	/** A bearer token for writing, valid for five minutes. */
	public String bearerToken() {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("lanyard-launcher")
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(TOKEN_TIME_TO_LIVE)))
			.jwtID(UUID.randomUUID().toString())
			.claim("groups", List.of(ADMIN_ROLE))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a registry token", ex);
		}
		return jwt.serialize();
	}

	@Override
	public String toString() {
		return "RegistryWriteAccess[keyId=" + this.key.getKeyID() + ", key=(hidden)]";
	}

}
