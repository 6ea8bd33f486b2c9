package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.federation.application.FederatedTokenVerifier;
import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.federation.application.TokenVerification;
import dev.lanyard.tokenbroker.federation.application.VerifiedToken;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

/**
 * Checks a presented JWT with Nimbus JOSE, in this order: parse; algorithm ({@code none}
 * and HMAC always refused, before any key lookup); {@code typ} (absent or {@code JWT}: an
 * explicitly typed token of another kind, e.g. an {@code at+jwt}, is not an identity
 * assertion, RFC 8725 §3.11); exact {@code iss} chooses the candidate rules; then per
 * rule: its algorithm list, keys (unknown {@code kid} after one re-fetch: unknown key),
 * signature, audience, {@code exp}, {@code nbf}, {@code iat} and age, {@code jti}
 * presence, required claims, subject rules. Exactly one passing rule accepts the token;
 * several refuse it as ambiguous; none: the failure of the rule that got furthest.
 */
public final class NimbusFederatedTokenVerifier implements FederatedTokenVerifier {

	/** Larger presented tokens are refused unread. */
	public static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private static final Logger log = LoggerFactory.getLogger(NimbusFederatedTokenVerifier.class);

	private final FederationTrusts trusts;

	private final IssuerKeys keys;

	private final SubjectRuleEvaluator subjectRules = new SubjectRuleEvaluator();

	private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

	private final Clock clock;

	public NimbusFederatedTokenVerifier(FederationTrusts trusts, IssuerKeys keys, Clock clock) {
		if (trusts == null || keys == null || clock == null) {
			throw new IllegalArgumentException("trusts, keys and clock cannot be null");
		}
		this.trusts = trusts;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public TokenVerification verify(String token, String integrationId) {
		if (token == null || token.length() > MAX_TOKEN_LENGTH) {
			return refused(FederationCheck.MALFORMED, null, null, null);
		}
		JWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = JWTParser.parse(token);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException | RuntimeException ex) {
			return refused(FederationCheck.MALFORMED, null, null, null);
		}
		String issuer = claims.getIssuer();
		String subject = claims.getSubject();
		if (jwt instanceof PlainJWT) {
			return refused(FederationCheck.ALGORITHM, issuer, subject, null);
		}
		if (!(jwt instanceof SignedJWT signed)) {
			return refused(FederationCheck.MALFORMED, issuer, subject, null);
		}
		JWSHeader header = signed.getHeader();
		if (JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())) {
			return refused(FederationCheck.ALGORITHM, issuer, subject, null);
		}
		if (!plainType(header.getType())) {
			return refused(FederationCheck.TOKEN_TYPE, issuer, subject, null);
		}
		List<FederationTrust> candidates = (issuer != null) ? candidates(issuer, integrationId) : List.of();
		if (candidates.isEmpty()) {
			return refused(FederationCheck.ISSUER, issuer, subject, null);
		}
		return decide(signed, claims, candidates);
	}

	private List<FederationTrust> candidates(String issuer, String integrationId) {
		List<FederationTrust> rules = this.trusts.byIssuer(issuer);
		return (integrationId == null) ? rules
				: rules.stream().filter((rule) -> rule.integrationId().equals(integrationId)).toList();
	}

	private TokenVerification decide(SignedJWT signed, JWTClaimsSet claims, List<FederationTrust> candidates) {
		List<FederationTrust> passed = new ArrayList<>();
		FederationCheck furthest = null;
		FederationTrust refusing = null;
		for (FederationTrust rule : candidates) {
			FederationCheck failed = check(rule, signed, claims);
			if (failed == null) {
				passed.add(rule);
			}
			else if (furthest == null || failed.ordinal() > furthest.ordinal()) {
				furthest = failed;
				refusing = rule;
			}
		}
		if (passed.size() > 1) {
			log.warn("Trust rules {} of issuer {} all accept one token: refused as ambiguous",
					passed.stream().map(FederationTrust::integrationId).toList(), claims.getIssuer());
			return refused(FederationCheck.AMBIGUOUS, claims.getIssuer(), claims.getSubject(), null);
		}
		if (passed.isEmpty()) {
			return refused(furthest, claims.getIssuer(), claims.getSubject(), refusing.integrationId());
		}
		return new TokenVerification.Verified(new VerifiedToken(passed.getFirst(), claims.getIssuer(),
				claims.getSubject(), claims.getJWTID(), claims.getExpirationTime().toInstant(), claims.toJSONObject()));
	}

	/** The first check this rule's failed, or {@code null} when it accepts the token. */
	private FederationCheck check(FederationTrust rule, SignedJWT signed, JWTClaimsSet claims) {
		JWSHeader header = signed.getHeader();
		if (!rule.algorithms().contains(header.getAlgorithm().getName())) {
			return FederationCheck.ALGORITHM;
		}
		FederationCheck keyCheck = checkSignature(rule, signed);
		if (keyCheck != null) {
			return keyCheck;
		}
		List<String> audience = claims.getAudience();
		if (audience == null || audience.stream().noneMatch(rule.audiences()::contains)) {
			return FederationCheck.AUDIENCE;
		}
		return checkTimesAndClaims(rule, claims);
	}

	private FederationCheck checkSignature(FederationTrust rule, SignedJWT signed) {
		List<? extends java.security.Key> candidates;
		try {
			candidates = new JWSVerificationKeySelector<SecurityContext>(signed.getHeader().getAlgorithm(),
					this.keys.of(rule))
				.selectJWSKeys(signed.getHeader(), null);
		}
		catch (RateLimitReachedException ex) {
			// fetched moment ago without this key: it is not the issuer's
			return FederationCheck.UNKNOWN_KEY;
		}
		catch (KeySourceException | IllegalArgumentException ex) {
			log.warn("Keys of trust rule {} unavailable: {}", rule.integrationId(), ex.getClass().getSimpleName());
			return FederationCheck.KEYS_UNAVAILABLE;
		}
		if (candidates.isEmpty()) {
			return FederationCheck.UNKNOWN_KEY;
		}
		for (java.security.Key key : candidates) {
			try {
				if (signed.verify(this.verifiers.createJWSVerifier(signed.getHeader(), key))) {
					return null;
				}
			}
			catch (JOSEException | IllegalStateException ex) {
				// a key of another type or size: try the next
			}
		}
		return FederationCheck.SIGNATURE;
	}

	private FederationCheck checkTimesAndClaims(FederationTrust rule, JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date exp = claims.getExpirationTime();
		if (exp == null || now.isAfter(exp.toInstant().plus(rule.clockSkew()))) {
			return FederationCheck.EXPIRED;
		}
		Date nbf = claims.getNotBeforeTime();
		if (nbf != null && nbf.toInstant().minus(rule.clockSkew()).isAfter(now)) {
			return FederationCheck.NOT_YET_VALID;
		}
		Date iat = claims.getIssueTime();
		if (iat == null) {
			return FederationCheck.TOO_OLD;
		}
		if (iat.toInstant().minus(rule.clockSkew()).isAfter(now)) {
			return FederationCheck.NOT_YET_VALID;
		}
		if (now.isAfter(iat.toInstant().plus(rule.maxTokenAge()).plus(rule.clockSkew()))) {
			return FederationCheck.TOO_OLD;
		}
		String jti = claims.getJWTID();
		if (!rule.allowJtiReuse() && (jti == null || jti.isBlank())) {
			return FederationCheck.JTI_MISSING;
		}
		Map<String, Object> values = claims.toJSONObject();
		for (Map.Entry<String, String> required : rule.requiredClaims().entrySet()) {
			if (!RequiredClaims.has(values.get(required.getKey()), required.getValue())) {
				return FederationCheck.REQUIRED_CLAIM;
			}
		}
		return this.subjectRules.met(rule.subjectRules(), values) ? null : FederationCheck.SUBJECT_RULE;
	}

	/** Absent, {@code JWT} or {@code application/jwt}, any case. */
	private static boolean plainType(JOSEObjectType type) {
		if (type == null) {
			return true;
		}
		String value = type.getType().toLowerCase(Locale.ROOT);
		return value.equals("jwt") || value.equals("application/jwt");
	}

	private static TokenVerification refused(FederationCheck check, String issuer, String subject,
			String integrationId) {
		return new TokenVerification.Refused(check, issuer, subject, integrationId);
	}

}
