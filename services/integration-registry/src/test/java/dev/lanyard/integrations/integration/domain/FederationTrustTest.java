package dev.lanyard.integrations.integration.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FederationTrustTest {

	private static final IntegrationKind OIDC = IntegrationKind.OIDC_FEDERATION;

	private static final IntegrationKind WORKLOAD = IntegrationKind.WORKLOAD_FEDERATION;

	private final EndpointPolicy policy = new EndpointPolicy(false, FixedResolver.publicNames());

	private final EndpointPolicy development = new EndpointPolicy(true, FixedResolver.publicNames());

	private final LibraryFederationSyntax syntax = new LibraryFederationSyntax();

	// ---- accepted, defaults

	@Test
	void fromWhenOnlyIssuerKeysAndAudienceThenDefaults() {
		FederationTrust trust = check(OIDC, TestFederations.oidc());
		assertThat(trust.issuer()).isEqualTo("https://sso.example.com/realms/acme");
		assertThat(trust.algorithms()).containsExactly("RS256", "ES256");
		assertThat(trust.maxTokenAge()).isEqualTo(Duration.ofMinutes(5));
		assertThat(trust.clockSkew()).isEqualTo(Duration.ofSeconds(60));
		assertThat(trust.allowJtiReuse()).isFalse();
		assertThat(trust.matchClaim()).isEqualTo("sub");
		assertThat(trust.userField()).isEqualTo("unique-id");
		assertThat(trust.createUsers()).isFalse();
		assertThat(trust.tokenLifetime()).isNull();
		assertThat(trust.needsDiscovery()).isFalse();
	}

	@Test
	void fromWhenIssuerHasTrailingSlashThenKeptExactly() {
		assertThat(check(OIDC, TestFederations.oidc().issuer("https://sso.example.com/")).issuer())
			.isEqualTo("https://sso.example.com/");
	}

	@Test
	void fromWhenNeitherJwksUriNorStaticKeysThenNeedsDiscovery() {
		FederationTrust trust = check(OIDC, TestFederations.oidc().staticJwks(null));
		assertThat(trust.needsDiscovery()).isTrue();
		assertThat(trust.withDiscoveredJwksUri("https://sso.example.com/jwks").jwksDiscovered()).isTrue();
	}

	@Test
	void fromWhenWorkloadWithExpressionRuleThenAccepted() {
		FederationTrust trust = check(WORKLOAD,
				TestFederations.workload()
					.subjectRules(List.of(new FederationDraft.Rule("expression",
							"['repository'] == 'acme/app' and ['ref'] matches 'refs/heads/(main|release/.+)'"))));
		assertThat(trust.subjectRules()).singleElement()
			.satisfies((rule) -> assertThat(rule.type()).isEqualTo(SubjectRule.Type.EXPRESSION));
		assertThat(trust.contentId()).isEqualTo("content-ci-1");
	}

	@Test
	void fromWhenWorkloadWithRequiredClaimsOnlyThenAccepted() {
		FederationTrust trust = check(WORKLOAD,
				TestFederations.workload().subjectRules(null).requiredClaims(Map.of("repository", "acme/app")));
		assertThat(trust.requiredClaims()).containsEntry("repository", "acme/app");
	}

	@Test
	void fromWhenManySubjectRulesThenNoCap() {
		List<FederationDraft.Rule> rules = java.util.stream.IntStream.range(0, 500)
			.mapToObj((i) -> new FederationDraft.Rule("prefix", "repo:acme/app-" + i + ":"))
			.toList();
		assertThat(check(WORKLOAD, TestFederations.workload().subjectRules(rules)).subjectRules()).hasSize(500);
	}

	@Test
	void fromWhenKindNotFederationThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> FederationTrust.from(IntegrationKind.VIEWER,
				"https://sso.example.com", TestFederations.oidc().build(), this.policy, this.syntax));
	}

	// ---- issuer

	@Test
	void fromWhenIssuerMissingThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().issuer(null), "federation.issuer");
	}

	@Test
	void fromWhenIssuerPlainHttpThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().issuer("http://sso.example.com"), "federation.issuer");
	}

	@Test
	void fromWhenIssuerHttpLoopbackInDevelopmentThenAccepted() {
		assertThat(FederationTrust
			.from(OIDC, "http://127.0.0.1:8089", TestFederations.oidc().build(), this.development, this.syntax)
			.issuer()).isEqualTo("http://127.0.0.1:8089");
	}

	@Test
	void fromWhenIssuerHttpLoopbackInProductionThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().issuer("http://127.0.0.1:8089"), "federation.issuer");
	}

	@Test
	void fromWhenIssuerRelativeOrWithQueryFragmentOrUserInfoThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().issuer("/realms/acme"), "federation.issuer");
		assertRefused(OIDC, TestFederations.oidc().issuer("https://sso.example.com?tenant=a"), "federation.issuer");
		assertRefused(OIDC, TestFederations.oidc().issuer("https://sso.example.com#a"), "federation.issuer");
		assertRefused(OIDC, TestFederations.oidc().issuer("https://u:p@sso.example.com"), "federation.issuer");
		assertRefused(OIDC, TestFederations.oidc().issuer("https://sso example.com"), "federation.issuer");
	}

	// ---- keys

	@Test
	void fromWhenJwksUriPrivateAddressThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().staticJwks(null).jwksUri("https://10.0.0.7/jwks"),
				"federation.jwksUri");
	}

	@Test
	void fromWhenJwksUriPublicThenKept() {
		assertThat(
				check(OIDC, TestFederations.oidc().staticJwks(null).jwksUri("https://idp.example.com/jwks")).jwksUri())
			.isEqualTo("https://idp.example.com/jwks");
	}

	@Test
	void fromWhenJwksUriAndStaticKeysThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().jwksUri("https://idp.example.com/jwks"), "federation.staticJwks");
	}

	@Test
	void fromWhenStaticKeysNotAJwkSetThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().staticJwks("{\"keys\": 7}"), "federation.staticJwks");
		assertRefused(OIDC, TestFederations.oidc().staticJwks("not json"), "federation.staticJwks");
		assertRefused(OIDC, TestFederations.oidc().staticJwks("{\"keys\": []}"), "federation.staticJwks");
	}

	@Test
	void fromWhenStaticKeysHoldAPrivatePartThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().staticJwks(TestFederations.privateKeys()), "federation.staticJwks",
				"a key has a private part");
	}

	@Test
	void fromWhenStaticKeysHoldASymmetricKeyThenRefused() {
		assertRefused(OIDC,
				TestFederations.oidc()
					.staticJwks("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQ\"}]}"),
				"federation.staticJwks", "symmetric (oct) keys are refused");
	}

	@Test
	void fromWhenStaticKeysMoreThanTwentyThenRefused() {
		assertThat(check(OIDC, TestFederations.oidc().staticJwks(TestFederations.publicKeys(20))).staticJwks())
			.isNotNull();
		assertRefused(OIDC, TestFederations.oidc().staticJwks(TestFederations.publicKeys(21)), "federation.staticJwks",
				"at most 20 keys");
	}

	// ---- audiences, algorithms, times

	@Test
	void fromWhenAudiencesMissingOrEmptyOrBlankThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().audiences(null), "federation.audiences");
		assertRefused(OIDC, TestFederations.oidc().audiences(List.of()), "federation.audiences");
		assertRefused(OIDC, TestFederations.oidc().audiences(List.of(" ")), "federation.audiences");
	}

	@Test
	void fromWhenAlgorithmNoneThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().algorithms(List.of("none")), "federation.algorithms");
	}

	@Test
	void fromWhenAlgorithmHmacThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().algorithms(List.of("RS256", "HS256")), "federation.algorithms");
	}

	@Test
	void fromWhenAlgorithmsEmptyThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().algorithms(List.of()), "federation.algorithms");
	}

	@Test
	void fromWhenEveryAsymmetricAlgorithmThenAccepted() {
		List<String> all = List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
				"EdDSA");
		assertThat(check(OIDC, TestFederations.oidc().algorithms(all)).algorithms()).isEqualTo(all);
	}

	@Test
	void fromWhenMaxTokenAgeOutOfRangeThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().maxTokenAgeSeconds(0L), "federation.maxTokenAgeSeconds");
		assertRefused(OIDC, TestFederations.oidc().maxTokenAgeSeconds(86_401L), "federation.maxTokenAgeSeconds");
	}

	@Test
	void fromWhenClockSkewOutOfRangeThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().clockSkewSeconds(-1L), "federation.clockSkewSeconds");
		assertRefused(OIDC, TestFederations.oidc().clockSkewSeconds(301L), "federation.clockSkewSeconds");
		assertThat(check(OIDC, TestFederations.oidc().clockSkewSeconds(0L)).clockSkew()).isZero();
	}

	@Test
	void fromWhenTokenLifetimeOutOfRangeThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().tokenLifetimeSeconds(59L), "federation.tokenLifetimeSeconds");
		assertRefused(OIDC, TestFederations.oidc().tokenLifetimeSeconds(86_401L), "federation.tokenLifetimeSeconds");
	}

	// ---- user matching

	@Test
	void fromWhenUserFieldUnknownThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().userField("id"), "federation.userField");
		assertThat(check(OIDC, TestFederations.oidc().matchClaim("email").userField("email")).userField())
			.isEqualTo("email");
	}

	@Test
	void fromWhenMatchClaimMalformedThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().matchClaim("preferred username"), "federation.matchClaim");
	}

	@Test
	void fromWhenRequiredClaimValueMissingThenRefused() {
		Map<String, String> claims = new HashMap<>();
		claims.put("email_verified", null);
		assertRefused(OIDC, TestFederations.oidc().requiredClaims(claims), "federation.requiredClaims.email_verified");
	}

	// ---- subject rules

	@Test
	void fromWhenSubjectRuleTypeUnknownThenRefusedNamingIt() {
		assertRefused(WORKLOAD,
				TestFederations.workload().subjectRules(List.of(new FederationDraft.Rule("regex", "repo:.*"))),
				"federation.subjectRules[0].type");
	}

	@Test
	void fromWhenSubjectRuleValueBlankThenRefusedNamingIt() {
		assertRefused(WORKLOAD, TestFederations.workload()
			.subjectRules(List.of(new FederationDraft.Rule("exact", "a"), new FederationDraft.Rule("prefix", " "))),
				"federation.subjectRules[1].value");
	}

	@Test
	void fromWhenSubjectExpressionDoesNotParseThenRefused() {
		assertRefused(WORKLOAD,
				TestFederations.workload()
					.subjectRules(List.of(new FederationDraft.Rule("expression", "['repository'] == "))),
				"federation.subjectRules[0].value");
	}

	@Test
	void fromWhenSubjectExpressionCallsMethodsOrTypesThenRefused() {
		for (String expression : List.of("T(java.lang.Runtime).getRuntime().exec('id')", "['ref'].startsWith('x')",
				"new java.io.File('/')", "@someBean", "repository == 'acme/app'", "#root")) {
			assertRefused(WORKLOAD,
					TestFederations.workload()
						.subjectRules(List.of(new FederationDraft.Rule("expression", expression))),
					"federation.subjectRules[0].value");
		}
	}

	// ---- kinds

	@Test
	void fromWhenWorkloadWithoutContentIdThenRefused() {
		assertRefused(WORKLOAD, TestFederations.workload().contentId(null), "federation.contentId");
		assertRefused(WORKLOAD, TestFederations.workload().contentId("bad id"), "federation.contentId");
	}

	@Test
	void fromWhenOidcWithContentIdThenRefused() {
		assertRefused(OIDC, TestFederations.oidc().contentId("content-1"), "federation.contentId");
	}

	@Test
	void fromWhenWorkloadWithoutSubjectRuleOrRequiredClaimThenRefused() {
		assertRefused(WORKLOAD, TestFederations.workload().subjectRules(List.of()), "federation.subjectRules",
				"never every token of the issuer");
	}

	@Test
	void fromWhenWorkloadCreatesUsersThenRefused() {
		assertRefused(WORKLOAD, TestFederations.workload().createUsers(true), "federation.createUsers");
		assertThat(check(OIDC, TestFederations.oidc().createUsers(true)).createUsers()).isTrue();
	}

	private FederationTrust check(IntegrationKind kind, TestFederations.Draft draft) {
		FederationDraft built = draft.build();
		return FederationTrust.from(kind, built.issuer(), built, this.policy, this.syntax);
	}

	private void assertRefused(IntegrationKind kind, TestFederations.Draft draft, String field) {
		assertRefused(kind, draft, field, null);
	}

	private void assertRefused(IntegrationKind kind, TestFederations.Draft draft, String field, String words) {
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> check(kind, draft)).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).startsWith(field + ": ");
			if (words != null) {
				assertThat(ex.getMessage()).contains(words);
			}
		});
	}

}
