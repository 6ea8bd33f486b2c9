package dev.lanyard.integrations.integration.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.lanyard.integrations.templates.domain.IntegrationKind;

/** The checks behind {@link FederationTrust#from}, one method per field. */
final class FederationRules {

	static final FederationDraft EMPTY = new FederationDraft(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null);

	/**
	 * Asymmetric JWS algorithms only: {@code none} accepts anything and an HMAC key would
	 * have to be a secret shared with the issuer.
	 */
	static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
			"ES512", "EdDSA");

	static final Set<String> USER_FIELDS = Set.of("unique-id", "email", "username");

	private static final Pattern CLAIM_NAME = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

	private static final int MAX_JWKS_LENGTH = 64 * 1024;

	private FederationRules() {
	}

	static FederationTrust check(IntegrationKind kind, String issuer, FederationDraft draft, EndpointPolicy policy,
			FederationSyntax syntax) {
		if (policy == null || syntax == null) {
			throw new IllegalArgumentException("policy and syntax cannot be null");
		}
		boolean workload = kind == IntegrationKind.WORKLOAD_FEDERATION;
		String checkedIssuer = issuer(issuer, policy.allowsPrivate());
		String jwksUri = present(draft.jwksUri()) ? policy.check("federation.jwksUri", draft.jwksUri()).toString()
				: null;
		String staticJwks = staticJwks(draft.staticJwks(), syntax);
		if (jwksUri != null && staticJwks != null) {
			throw new InvalidFieldException("federation.staticJwks", "give jwksUri or staticJwks, not both");
		}
		Map<String, String> requiredClaims = requiredClaims(draft.requiredClaims());
		List<SubjectRule> rules = subjectRules(draft.subjectRules(), syntax);
		String contentId = contentId(draft.contentId(), workload);
		if (workload && rules.isEmpty() && requiredClaims.isEmpty()) {
			throw new InvalidFieldException("federation.subjectRules",
					"a workload federation needs at least one subject rule or required claim:"
							+ " never every token of the issuer");
		}
		boolean createUsers = Boolean.TRUE.equals(draft.createUsers());
		if (workload && createUsers) {
			throw new InvalidFieldException("federation.createUsers", "is only for oidc-federation");
		}
		return new FederationTrust(checkedIssuer, jwksUri, false, staticJwks, audiences(draft.audiences()),
				algorithms(draft.algorithms()),
				seconds("federation.maxTokenAgeSeconds", draft.maxTokenAgeSeconds(),
						FederationTrust.DEFAULT_MAX_TOKEN_AGE, 1, 86_400),
				seconds("federation.clockSkewSeconds", draft.clockSkewSeconds(), FederationTrust.DEFAULT_CLOCK_SKEW, 0,
						300),
				Boolean.TRUE.equals(draft.allowJtiReuse()), matchClaim(draft.matchClaim()),
				userField(draft.userField()), requiredClaims, rules, contentId, createUsers,
				seconds("federation.tokenLifetimeSeconds", draft.tokenLifetimeSeconds(), null, 60, 86_400));
	}

	/**
	 * Absolute, https (http to loopback in development), no query or fragment: kept as
	 * given.
	 */
	static String issuer(String issuer, boolean allowPrivate) {
		String field = "federation.issuer";
		if (!present(issuer)) {
			throw new InvalidFieldException(field, "is required");
		}
		if (issuer.length() > 2000) {
			throw new InvalidFieldException(field, "must be at most 2000 characters");
		}
		URI uri;
		try {
			uri = new URI(issuer);
		}
		catch (URISyntaxException ex) {
			throw new InvalidFieldException(field, "is not a valid URL");
		}
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new InvalidFieldException(field, "must be an absolute https URL with a host and no user information");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidFieldException(field, "must not have a query or fragment (OpenID Connect Discovery §2)");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean loopbackHttp = "http".equals(scheme) && allowPrivate && EndpointPolicy.isLoopbackName(uri.getHost());
		if (!"https".equals(scheme) && !loopbackHttp) {
			throw new InvalidFieldException(field, "must use https");
		}
		return issuer;
	}

	private static String staticJwks(String jwks, FederationSyntax syntax) {
		if (!present(jwks)) {
			return null;
		}
		if (jwks.length() > MAX_JWKS_LENGTH) {
			throw new InvalidFieldException("federation.staticJwks", "must be at most 64 KiB");
		}
		syntax.keySetProblem(jwks).ifPresent((problem) -> {
			throw new InvalidFieldException("federation.staticJwks", problem);
		});
		return jwks;
	}

	private static List<String> audiences(List<String> given) {
		if (given == null || given.isEmpty()) {
			throw new InvalidFieldException("federation.audiences", "at least one audience is required");
		}
		if (given.size() > 100) {
			throw new InvalidFieldException("federation.audiences", "at most 100 audiences");
		}
		Set<String> audiences = new LinkedHashSet<>();
		for (String audience : given) {
			if (audience == null || audience.isBlank() || audience.length() > 500
					|| audience.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
				throw new InvalidFieldException("federation.audiences",
						"each must be 1 to 500 characters without spaces or control characters");
			}
			audiences.add(audience);
		}
		return List.copyOf(audiences);
	}

	private static List<String> algorithms(List<String> given) {
		if (given == null) {
			return FederationTrust.DEFAULT_ALGORITHMS;
		}
		if (given.isEmpty()) {
			throw new InvalidFieldException("federation.algorithms", "must name at least one algorithm");
		}
		Set<String> algorithms = new LinkedHashSet<>();
		for (String algorithm : given) {
			if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
				throw new InvalidFieldException("federation.algorithms",
						"each must be an asymmetric JWS algorithm (RS256, RS384, RS512, PS256, PS384, PS512, ES256,"
								+ " ES384, ES512, EdDSA); none and HMAC algorithms are refused");
			}
			algorithms.add(algorithm);
		}
		return List.copyOf(algorithms);
	}

	private static Duration seconds(String field, Long given, Duration fallback, long min, long max) {
		if (given == null) {
			return fallback;
		}
		if (given < min || given > max) {
			throw new InvalidFieldException(field, "must be between " + min + " and " + max + " seconds");
		}
		return Duration.ofSeconds(given);
	}

	private static String matchClaim(String given) {
		if (given == null) {
			return FederationTrust.DEFAULT_MATCH_CLAIM;
		}
		if (!CLAIM_NAME.matcher(given).matches()) {
			throw new InvalidFieldException("federation.matchClaim",
					"must be a claim name of 1 to 200 printable characters without spaces");
		}
		return given;
	}

	private static String userField(String given) {
		if (given == null) {
			return FederationTrust.DEFAULT_USER_FIELD;
		}
		if (!USER_FIELDS.contains(given)) {
			throw new InvalidFieldException("federation.userField", "must be unique-id, email or username");
		}
		return given;
	}

	private static Map<String, String> requiredClaims(Map<String, String> given) {
		if (given == null) {
			return Map.of();
		}
		if (given.size() > 100) {
			throw new InvalidFieldException("federation.requiredClaims", "at most 100 claims");
		}
		Map<String, String> claims = new TreeMap<>();
		for (Map.Entry<String, String> claim : given.entrySet()) {
			if (claim.getKey() == null || !CLAIM_NAME.matcher(claim.getKey()).matches()) {
				throw new InvalidFieldException("federation.requiredClaims",
						"each name must be 1 to 200 printable characters without spaces");
			}
			if (claim.getValue() == null || claim.getValue().length() > 2000) {
				throw new InvalidFieldException("federation.requiredClaims." + claim.getKey(),
						"must be a value of at most 2000 characters");
			}
			claims.put(claim.getKey(), claim.getValue());
		}
		return claims;
	}

	private static List<SubjectRule> subjectRules(List<FederationDraft.Rule> given, FederationSyntax syntax) {
		if (given == null) {
			return List.of();
		}
		List<SubjectRule> rules = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String field = "federation.subjectRules[" + i + "]";
			FederationDraft.Rule rule = given.get(i);
			if (rule == null) {
				throw new InvalidFieldException(field, "is required");
			}
			SubjectRule.Type type = SubjectRule.Type.of(rule.type())
				.orElseThrow(() -> new InvalidFieldException(field + ".type", "must be exact, prefix or expression"));
			String value = rule.value();
			if (value == null || value.isBlank()) {
				throw new InvalidFieldException(field + ".value", "is required");
			}
			if (value.length() > 4000) {
				throw new InvalidFieldException(field + ".value", "must be at most 4000 characters");
			}
			if (type == SubjectRule.Type.EXPRESSION) {
				syntax.expressionProblem(value).ifPresent((problem) -> {
					throw new InvalidFieldException(field + ".value", problem);
				});
			}
			rules.add(new SubjectRule(type, value));
		}
		return rules;
	}

	private static String contentId(String given, boolean workload) {
		if (!workload) {
			if (given != null) {
				throw new InvalidFieldException("federation.contentId", "is only for workload-federation");
			}
			return null;
		}
		if (given == null || !CONTENT_ID.matcher(given).matches()) {
			throw new InvalidFieldException("federation.contentId",
					"is required: 1 to 128 letters, digits or . _ : @ -, starting with a letter or digit");
		}
		return given;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
