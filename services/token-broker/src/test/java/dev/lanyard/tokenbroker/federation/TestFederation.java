package dev.lanyard.tokenbroker.federation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;
import dev.lanyard.tokenbroker.federation.domain.SubjectRule;
import dev.lanyard.tokenbroker.federation.domain.UserField;

/** Keys, trust rules and Nimbus-signed tokens for the federation tests. */
public final class TestFederation {

	public static final String ISSUER = "https://idp.example.com";

	public static final String AUDIENCE = "lanyard";

	public static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	/** The issuer's key, published. */
	public static final RSAKey RSA = rsa("k1");

	/** Another key with the same kid, never published. */
	public static final RSAKey OTHER_RSA = rsa("k1");

	/** The issuer's EC key, published. */
	public static final ECKey EC = ec("e1");

	private TestFederation() {
	}

	/** The published keys as a static JWK Set (public parts). */
	public static String publishedJwks() {
		return new JWKSet(List.<JWK>of(RSA, EC)).toPublicJWKSet().toString();
	}

	public static FederationTrust oidcRule(String id) {
		return rule(id, FederationKind.OIDC, (r) -> r);
	}

	public static FederationTrust workloadRule(String id, String contentId) {
		return new FederationTrust(id, FederationKind.WORKLOAD, ISSUER, null, publishedJwks(),
				java.util.Set.of(AUDIENCE), java.util.Set.of("RS256", "ES256"), Duration.ofMinutes(5),
				Duration.ofSeconds(60), false, "sub", UserField.UNIQUE_ID, Map.of(), List.of(), contentId, false, null,
				NOW);
	}

	/** An oidc rule on the published keys, changed by {@code change}. */
	public static FederationTrust rule(String id, FederationKind kind, UnaryOperator<Rule> change) {
		return change.apply(new Rule(id)).build(kind);
	}

	/** A token of the issuer for user {@code alice}, changed by {@code change}. */
	public static String token(UnaryOperator<Token> change) {
		return change.apply(new Token()).sign();
	}

	/** A mutable trust rule. */
	public static final class Rule {

		public String id;

		public String issuer = ISSUER;

		public URI jwksUri;

		public String staticJwks = publishedJwks();

		public java.util.Set<String> audiences = java.util.Set.of(AUDIENCE);

		public java.util.Set<String> algorithms = java.util.Set.of("RS256", "ES256");

		public Duration maxAge = Duration.ofMinutes(5);

		public Duration skew = Duration.ofSeconds(60);

		public boolean allowJtiReuse;

		public String matchClaim = "sub";

		public UserField userField = UserField.UNIQUE_ID;

		public Map<String, String> requiredClaims = Map.of();

		public List<SubjectRule> subjectRules = List.of();

		public Duration lifetime;

		public boolean createUsers;

		Rule(String id) {
			this.id = id;
		}

		FederationTrust build(FederationKind kind) {
			return new FederationTrust(this.id, kind, this.issuer, this.jwksUri,
					(this.jwksUri != null) ? null : this.staticJwks, this.audiences, this.algorithms, this.maxAge,
					this.skew, this.allowJtiReuse, this.matchClaim, this.userField, this.requiredClaims,
					this.subjectRules, (kind == FederationKind.WORKLOAD) ? "content-1" : null, this.createUsers,
					this.lifetime, NOW);
		}

	}

	/** A mutable token: header, claims and the signing key. */
	public static final class Token {

		public JWSAlgorithm algorithm = JWSAlgorithm.RS256;

		public JWK key = RSA;

		public String kid = "k1";

		public JOSEObjectType type = JOSEObjectType.JWT;

		public final Map<String, Object> claims = new LinkedHashMap<>();

		Token() {
			this.claims.put("iss", ISSUER);
			this.claims.put("sub", "alice");
			this.claims.put("aud", new ArrayList<>(List.of(AUDIENCE)));
			this.claims.put("iat", NOW.minusSeconds(10));
			this.claims.put("exp", NOW.plusSeconds(300));
			this.claims.put("jti", UUID.randomUUID().toString());
		}

		public Token claim(String name, Object value) {
			if (value == null) {
				this.claims.remove(name);
			}
			else {
				this.claims.put(name, value);
			}
			return this;
		}

		public Token ec() {
			this.algorithm = JWSAlgorithm.ES256;
			this.key = EC;
			this.kid = "e1";
			return this;
		}

		String sign() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
			this.claims.forEach((name, value) -> builder.claim(name,
					(value instanceof Instant instant) ? Date.from(instant) : value));
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(this.algorithm).keyID(this.kid).type(this.type).build(),
					builder.build());
			try {
				jwt.sign((this.key instanceof ECKey ecKey) ? new ECDSASigner(ecKey)
						: new RSASSASigner((RSAKey) this.key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey ec(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
