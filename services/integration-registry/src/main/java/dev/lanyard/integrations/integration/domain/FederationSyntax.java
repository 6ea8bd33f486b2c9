package dev.lanyard.integrations.integration.domain;

import java.util.Optional;

/**
 * Checks of a trust rule's two embedded languages, which need libraries the domain does
 * not see: a JWK Set (JSON, public keys only) and a subject expression (SpEL, evaluated
 * read-only by token-broker). Each answers what is wrong, in words safe to show an
 * administrator, or empty when acceptable.
 */
public interface FederationSyntax {

	/**
	 * What is wrong with a JWK Set: unparseable, a private or symmetric key, too many
	 * keys.
	 */
	Optional<String> keySetProblem(String jwks);

	/** What is wrong with a subject expression: it does not parse. */
	Optional<String> expressionProblem(String expression);

}
