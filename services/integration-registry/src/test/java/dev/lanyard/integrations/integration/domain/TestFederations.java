package dev.lanyard.integrations.integration.domain;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** Federation drafts for unit tests, built field by field from an acceptable one. */
public final class TestFederations {

	private TestFederations() {
	}

	/** An acceptable oidc-federation draft: issuer, static keys, one audience. */
	public static Draft oidc() {
		return new Draft().issuer("https://sso.example.com/realms/acme").staticJwks(publicKeys(1));
	}

	/** An acceptable workload-federation draft: also a content id and a subject rule. */
	public static Draft workload() {
		return oidc().contentId("content-ci-1")
			.subjectRules(List.of(new FederationDraft.Rule("exact", "repo:acme/app:ref:refs/heads/main")));
	}

	/** A JWK Set of {@code count} EC public keys. */
	public static String publicKeys(int count) {
		return new JWKSet(java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> (com.nimbusds.jose.jwk.JWK) key("k-" + i).toPublicJWK())
			.toList()).toString();
	}

	/** A JWK Set holding a key pair, private part included. */
	public static String privateKeys() {
		return new JWKSet(key("k-private")).toString(false);
	}

	static ECKey key(String id) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A mutable builder of {@link FederationDraft}. */
	public static final class Draft {

		private String issuer;

		private String jwksUri;

		private String staticJwks;

		private List<String> audiences = List.of("lanyard");

		private List<String> algorithms;

		private Long maxTokenAgeSeconds;

		private Long clockSkewSeconds;

		private Boolean allowJtiReuse;

		private String matchClaim;

		private String userField;

		private Map<String, String> requiredClaims;

		private List<FederationDraft.Rule> subjectRules;

		private String contentId;

		private Boolean createUsers;

		private Long tokenLifetimeSeconds;

		public Draft issuer(String value) {
			this.issuer = value;
			return this;
		}

		public Draft jwksUri(String value) {
			this.jwksUri = value;
			return this;
		}

		public Draft staticJwks(String value) {
			this.staticJwks = value;
			return this;
		}

		public Draft audiences(List<String> value) {
			this.audiences = value;
			return this;
		}

		public Draft algorithms(List<String> value) {
			this.algorithms = value;
			return this;
		}

		public Draft maxTokenAgeSeconds(Long value) {
			this.maxTokenAgeSeconds = value;
			return this;
		}

		public Draft clockSkewSeconds(Long value) {
			this.clockSkewSeconds = value;
			return this;
		}

		public Draft allowJtiReuse(Boolean value) {
			this.allowJtiReuse = value;
			return this;
		}

		public Draft matchClaim(String value) {
			this.matchClaim = value;
			return this;
		}

		public Draft userField(String value) {
			this.userField = value;
			return this;
		}

		public Draft requiredClaims(Map<String, String> value) {
			this.requiredClaims = value;
			return this;
		}

		public Draft subjectRules(List<FederationDraft.Rule> value) {
			this.subjectRules = value;
			return this;
		}

		public Draft contentId(String value) {
			this.contentId = value;
			return this;
		}

		public Draft createUsers(Boolean value) {
			this.createUsers = value;
			return this;
		}

		public Draft tokenLifetimeSeconds(Long value) {
			this.tokenLifetimeSeconds = value;
			return this;
		}

		public FederationDraft build() {
			return new FederationDraft(this.issuer, this.jwksUri, this.staticJwks, this.audiences, this.algorithms,
					this.maxTokenAgeSeconds, this.clockSkewSeconds, this.allowJtiReuse, this.matchClaim, this.userField,
					this.requiredClaims, this.subjectRules, this.contentId, this.createUsers,
					this.tokenLifetimeSeconds);
		}

	}

}
