package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.federation.InMemoryFederationTrusts;
import dev.lanyard.tokenbroker.federation.TestFederation;
import dev.lanyard.tokenbroker.federation.application.TokenVerification;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;
import dev.lanyard.tokenbroker.federation.domain.SubjectRule;

import static dev.lanyard.tokenbroker.federation.TestFederation.NOW;
import static dev.lanyard.tokenbroker.federation.TestFederation.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every check of a presented token, each refusal with its reason code. */
class NimbusFederatedTokenVerifierTest {

	private final InMemoryFederationTrusts trusts = new InMemoryFederationTrusts()
		.with(TestFederation.oidcRule("fed-1"));

	private NimbusFederatedTokenVerifier verifier() {
		return new NimbusFederatedTokenVerifier(this.trusts, new IssuerKeys((url) -> {
			throw new java.io.IOException("no network in unit tests");
		}, Duration.ofMinutes(5), Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private FederationCheck refusal(String token) {
		TokenVerification result = verifier().verify(token, null);
		assertThat(result).isInstanceOf(TokenVerification.Refused.class);
		return ((TokenVerification.Refused) result).check();
	}

	private FederationCheck refusalUnder(FederationTrust rule, String token) {
		this.trusts.apply(rule);
		return refusal(token);
	}

	private static FederationTrust rule(java.util.function.UnaryOperator<TestFederation.Rule> change) {
		return TestFederation.rule("fed-1", FederationKind.OIDC, change);
	}

	@Test
	void verifyWhenEveryCheckPassesThenVerifiedByTheRule() {
		TokenVerification result = verifier().verify(token((t) -> t), null);
		assertThat(result).isInstanceOfSatisfying(TokenVerification.Verified.class, (verified) -> {
			assertThat(verified.token().trust().integrationId()).isEqualTo("fed-1");
			assertThat(verified.token().subject()).isEqualTo("alice");
			assertThat(verified.token().expiresAt()).isEqualTo(NOW.plusSeconds(300));
		});
	}

	@Test
	void verifyWhenSignedWithPublishedEcKeyThenVerified() {
		assertThat(verifier().verify(token(TestFederation.Token::ec), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenNotAJwtThenMalformed() {
		assertThat(refusal("not-a-jwt")).isEqualTo(FederationCheck.MALFORMED);
	}

	@Test
	void verifyWhenThreeGarbagePartsThenMalformed() {
		assertThat(refusal("abc.def.ghi")).isEqualTo(FederationCheck.MALFORMED);
	}

	@Test
	void verifyWhenOversizedThenMalformed() {
		String big = "x".repeat(NimbusFederatedTokenVerifier.MAX_TOKEN_LENGTH);
		assertThat(refusal(token((t) -> t.claim("padding", big)))).isEqualTo(FederationCheck.MALFORMED);
	}

	@Test
	void verifyWhenAlgNoneThenAlgorithmNotAllowed() {
		String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(TestFederation.ISSUER)
			.subject("alice")
			.audience(TestFederation.AUDIENCE)
			.issueTime(java.util.Date.from(NOW))
			.expirationTime(java.util.Date.from(NOW.plusSeconds(60)))
			.jwtID("j-1")
			.build()).serialize();
		assertThat(refusal(unsigned)).isEqualTo(FederationCheck.ALGORITHM);
	}

	@Test
	void verifyWhenHs256KeyedWithThePublicKeyThenAlgorithmNotAllowed() throws Exception {
		assertThat(refusal(hmac(JWSAlgorithm.HS256))).isEqualTo(FederationCheck.ALGORITHM);
	}

	@Test
	void verifyWhenHs512ThenAlgorithmNotAllowedEvenIfTheRuleListsIt() throws Exception {
		this.trusts.apply(rule((r) -> {
			r.algorithms = Set.of("HS512", "RS256");
			return r;
		}));
		assertThat(refusal(hmac(JWSAlgorithm.HS512))).isEqualTo(FederationCheck.ALGORITHM);
	}

	@Test
	void verifyWhenRs256NotInTheRulesListThenAlgorithmNotAllowed() {
		assertThat(refusalUnder(rule((r) -> {
			r.algorithms = Set.of("ES256");
			return r;
		}), token((t) -> t))).isEqualTo(FederationCheck.ALGORITHM);
	}

	@Test
	void verifyWhenEs256NotInTheRulesListThenAlgorithmNotAllowed() {
		assertThat(refusalUnder(rule((r) -> {
			r.algorithms = Set.of("RS256");
			return r;
		}), token(TestFederation.Token::ec))).isEqualTo(FederationCheck.ALGORITHM);
	}

	@Test
	void verifyWhenTypedAsAccessTokenThenTokenTypeNotAccepted() {
		assertThat(refusal(token((t) -> {
			t.type = new JOSEObjectType("at+jwt");
			return t;
		}))).isEqualTo(FederationCheck.TOKEN_TYPE);
	}

	@Test
	void verifyWhenNoTypThenVerified() {
		assertThat(verifier().verify(token((t) -> {
			t.type = null;
			return t;
		}), null)).isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenOtherIssuerThenIssuerNotTrusted() {
		assertThat(refusal(token((t) -> t.claim("iss", "https://evil.example.com")))).isEqualTo(FederationCheck.ISSUER);
	}

	@Test
	void verifyWhenIssuerHasTrailingSlashThenIssuerNotTrusted() {
		assertThat(refusal(token((t) -> t.claim("iss", TestFederation.ISSUER + "/"))))
			.isEqualTo(FederationCheck.ISSUER);
	}

	@Test
	void verifyWhenIssuerDiffersInCaseThenIssuerNotTrusted() {
		assertThat(refusal(token((t) -> t.claim("iss", "HTTPS://IDP.EXAMPLE.COM")))).isEqualTo(FederationCheck.ISSUER);
	}

	@Test
	void verifyWhenNoIssuerThenIssuerNotTrusted() {
		assertThat(refusal(token((t) -> t.claim("iss", null)))).isEqualTo(FederationCheck.ISSUER);
	}

	@Test
	void verifyWhenAudienceNamesAnotherIssuersRuleThenIssuerNotTrusted() {
		this.trusts.apply(TestFederation.rule("fed-other", FederationKind.OIDC, (r) -> {
			r.issuer = "https://other.example.com";
			return r;
		}));
		assertThat(verifier().verify(token((t) -> t), "fed-other")).isInstanceOfSatisfying(
				TokenVerification.Refused.class,
				(refused) -> assertThat(refused.check()).isEqualTo(FederationCheck.ISSUER));
	}

	@Test
	void verifyWhenKidUnknownThenUnknownKey() {
		assertThat(refusal(token((t) -> {
			t.kid = "k9";
			return t;
		}))).isEqualTo(FederationCheck.UNKNOWN_KEY);
	}

	@Test
	void verifyWhenSignedByAnotherKeyWithAPublishedKidThenSignatureInvalid() {
		assertThat(refusal(token((t) -> {
			t.key = TestFederation.OTHER_RSA;
			return t;
		}))).isEqualTo(FederationCheck.SIGNATURE);
	}

	@Test
	void verifyWhenSignedByAnotherKeyWithoutKidThenSignatureInvalid() {
		assertThat(refusal(token((t) -> {
			t.key = TestFederation.OTHER_RSA;
			t.kid = null;
			return t;
		}))).isEqualTo(FederationCheck.SIGNATURE);
	}

	@Test
	void verifyWhenPayloadTamperedThenSignatureInvalid() {
		String[] parts = token((t) -> t).split("\\.");
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("alice", "admin")
				.getBytes(StandardCharsets.UTF_8));
		assertThat(refusal(parts[0] + "." + forged + "." + parts[2])).isEqualTo(FederationCheck.SIGNATURE);
	}

	@Test
	void verifyWhenAudienceOtherThenAudienceNotAccepted() {
		assertThat(refusal(token((t) -> t.claim("aud", List.of("someone-else"))))).isEqualTo(FederationCheck.AUDIENCE);
	}

	@Test
	void verifyWhenNoAudienceThenAudienceNotAccepted() {
		assertThat(refusal(token((t) -> t.claim("aud", null)))).isEqualTo(FederationCheck.AUDIENCE);
	}

	@Test
	void verifyWhenOneOfSeveralAudiencesAcceptedThenVerified() {
		assertThat(verifier().verify(token((t) -> t.claim("aud", List.of("x", TestFederation.AUDIENCE))), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenExpiredBeyondSkewThenTokenExpired() {
		assertThat(refusal(token((t) -> t.claim("exp", NOW.minusSeconds(61))))).isEqualTo(FederationCheck.EXPIRED);
	}

	@Test
	void verifyWhenExpiredWithinSkewThenVerified() {
		assertThat(verifier().verify(token((t) -> t.claim("exp", NOW.minusSeconds(30))), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenNoExpThenTokenExpired() {
		assertThat(refusal(token((t) -> t.claim("exp", null)))).isEqualTo(FederationCheck.EXPIRED);
	}

	@Test
	void verifyWhenNbfInTheFutureThenNotYetValid() {
		assertThat(refusal(token((t) -> t.claim("nbf", NOW.plusSeconds(120)))))
			.isEqualTo(FederationCheck.NOT_YET_VALID);
	}

	@Test
	void verifyWhenIatInTheFutureThenNotYetValid() {
		assertThat(refusal(token((t) -> t.claim("iat", NOW.plusSeconds(120)))))
			.isEqualTo(FederationCheck.NOT_YET_VALID);
	}

	@Test
	void verifyWhenNoIatThenTooOld() {
		assertThat(refusal(token((t) -> t.claim("iat", null)))).isEqualTo(FederationCheck.TOO_OLD);
	}

	@Test
	void verifyWhenOlderThanMaxAgeThenTooOld() {
		assertThat(refusal(token((t) -> t.claim("iat", NOW.minus(Duration.ofMinutes(7))))))
			.isEqualTo(FederationCheck.TOO_OLD);
	}

	@Test
	void verifyWhenNoJtiThenJtiMissing() {
		assertThat(refusal(token((t) -> t.claim("jti", null)))).isEqualTo(FederationCheck.JTI_MISSING);
	}

	@Test
	void verifyWhenBlankJtiThenJtiMissing() {
		assertThat(refusal(token((t) -> t.claim("jti", " ")))).isEqualTo(FederationCheck.JTI_MISSING);
	}

	@Test
	void verifyWhenNoJtiAndReuseAllowedThenVerified() {
		this.trusts.apply(rule((r) -> {
			r.allowJtiReuse = true;
			return r;
		}));
		assertThat(verifier().verify(token((t) -> t.claim("jti", null)), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenRequiredClaimMissingThenRequiredClaimMissing() {
		assertThat(refusalUnder(required("email_verified", "true"), token((t) -> t)))
			.isEqualTo(FederationCheck.REQUIRED_CLAIM);
	}

	@Test
	void verifyWhenRequiredClaimFalseThenRequiredClaimMissing() {
		assertThat(refusalUnder(required("email_verified", "true"), token((t) -> t.claim("email_verified", false))))
			.isEqualTo(FederationCheck.REQUIRED_CLAIM);
	}

	@Test
	void verifyWhenRequiredClaimTrueThenVerified() {
		this.trusts.apply(required("email_verified", "true"));
		assertThat(verifier().verify(token((t) -> t.claim("email_verified", true)), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenRequiredGroupNotInArrayThenRequiredClaimMissing() {
		assertThat(refusalUnder(required("groups", "admins"), token((t) -> t.claim("groups", List.of("users")))))
			.isEqualTo(FederationCheck.REQUIRED_CLAIM);
	}

	@Test
	void verifyWhenRequiredGroupInArrayThenVerified() {
		this.trusts.apply(required("groups", "admins"));
		assertThat(verifier().verify(token((t) -> t.claim("groups", List.of("users", "admins"))), null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenExactSubjectRuleNotMetThenSubjectRuleNotMet() {
		assertThat(refusalUnder(subjects(new SubjectRule(SubjectRule.Type.EXACT, "bob")), token((t) -> t)))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenPrefixSubjectRuleNotMetThenSubjectRuleNotMet() {
		assertThat(refusalUnder(subjects(new SubjectRule(SubjectRule.Type.PREFIX, "repo:acme/")), token((t) -> t)))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenExpressionFalseThenSubjectRuleNotMet() {
		assertThat(refusalUnder(subjects(new SubjectRule(SubjectRule.Type.EXPRESSION, "['ref'] == 'refs/heads/main'")),
				token((t) -> t.claim("ref", "refs/heads/feature"))))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenExpressionDoesNotParseThenSubjectRuleNotMet() {
		assertThat(refusalUnder(subjects(new SubjectRule(SubjectRule.Type.EXPRESSION, "['ref' ==")), token((t) -> t)))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenExpressionReachesForATypeThenSubjectRuleNotMet() {
		assertThat(refusalUnder(
				subjects(new SubjectRule(SubjectRule.Type.EXPRESSION, "T(java.lang.Runtime).getRuntime() != null")),
				token((t) -> t)))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenExpressionNotBooleanThenSubjectRuleNotMet() {
		assertThat(refusalUnder(subjects(new SubjectRule(SubjectRule.Type.EXPRESSION, "['sub']")), token((t) -> t)))
			.isEqualTo(FederationCheck.SUBJECT_RULE);
	}

	@Test
	void verifyWhenOneOfManySubjectRulesMetThenVerified() {
		this.trusts.apply(subjects(new SubjectRule(SubjectRule.Type.EXACT, "bob"),
				new SubjectRule(SubjectRule.Type.PREFIX, "repo:acme/"), new SubjectRule(SubjectRule.Type.EXPRESSION,
						"['repository'] == 'acme/app' and ['ref'] matches 'refs/heads/(main|release)'")));
		assertThat(verifier().verify(
				token((t) -> t.claim("sub", "x").claim("repository", "acme/app").claim("ref", "refs/heads/main")),
				null))
			.isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void verifyWhenTwoRulesOfTheIssuerAcceptThenAmbiguous() {
		this.trusts.apply(TestFederation.oidcRule("fed-2"));
		assertThat(refusal(token((t) -> t))).isEqualTo(FederationCheck.AMBIGUOUS);
	}

	@Test
	void verifyWhenTwoRulesAndAudienceNamesOneThenVerifiedByIt() {
		this.trusts.apply(TestFederation.oidcRule("fed-2"));
		assertThat(verifier().verify(token((t) -> t), "fed-2")).isInstanceOfSatisfying(TokenVerification.Verified.class,
				(verified) -> assertThat(verified.token().trust().integrationId()).isEqualTo("fed-2"));
	}

	@Test
	void verifyWhenTwoRulesAndOnlyOneAcceptsThenVerifiedByIt() {
		this.trusts.apply(TestFederation.rule("fed-2", FederationKind.OIDC, (r) -> {
			r.audiences = Set.of("other-client");
			return r;
		}));
		assertThat(verifier().verify(token((t) -> t), null)).isInstanceOfSatisfying(TokenVerification.Verified.class,
				(verified) -> assertThat(verified.token().trust().integrationId()).isEqualTo("fed-1"));
	}

	@Test
	void verifyWhenNoRuleAcceptsThenTheFurthestFailureWithItsRule() {
		this.trusts.apply(TestFederation.rule("fed-2", FederationKind.OIDC, (r) -> {
			r.audiences = Set.of("other-client");
			return r;
		}));
		TokenVerification result = verifier().verify(token((t) -> t.claim("jti", null)), null);
		assertThat(result).isInstanceOfSatisfying(TokenVerification.Refused.class, (refused) -> {
			assertThat(refused.check()).isEqualTo(FederationCheck.JTI_MISSING);
			assertThat(refused.integrationId()).isEqualTo("fed-1");
			assertThat(refused.issuer()).isEqualTo(TestFederation.ISSUER);
			assertThat(refused.subject()).isEqualTo("alice");
		});
	}

	@Test
	void verifyWhenStaticJwksHoldsAPrivateKeyThenOnlyItsPublicPartIsUsed() {
		this.trusts.apply(rule((r) -> {
			r.staticJwks = new com.nimbusds.jose.jwk.JWKSet(TestFederation.RSA).toString(false);
			return r;
		}));
		assertThat(verifier().verify(token((t) -> t), null)).isInstanceOf(TokenVerification.Verified.class);
	}

	@Test
	void constructorWhenTrustsNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NimbusFederatedTokenVerifier(null, null, Clock.systemUTC()))
			.withMessage("trusts, keys and clock cannot be null");
	}

	private static FederationTrust required(String claim, String value) {
		return rule((r) -> {
			r.requiredClaims = Map.of(claim, value);
			return r;
		});
	}

	private static FederationTrust subjects(SubjectRule... rules) {
		return rule((r) -> {
			r.subjectRules = List.of(rules);
			return r;
		});
	}

	/** An HMAC token keyed with the issuer's public key: the classic confusion attack. */
	private static String hmac(JWSAlgorithm algorithm) throws Exception {
		byte[] secret = TestFederation.RSA.toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("k1").build(),
				new JWTClaimsSet.Builder().issuer(TestFederation.ISSUER)
					.subject("alice")
					.audience(TestFederation.AUDIENCE)
					.issueTime(java.util.Date.from(NOW))
					.expirationTime(java.util.Date.from(NOW.plusSeconds(60)))
					.jwtID("j-1")
					.build());
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

}
