package dev.lanyard.integrations.integration.adapter.federation;

import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;

import dev.lanyard.integrations.integration.domain.FederationSyntax;

import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * {@link FederationSyntax} by the libraries token-broker uses on the same text: Nimbus
 * {@link JWKSet#parse(String)} for keys, Spring's {@link SpelExpressionParser} for
 * subject expressions. token-broker evaluates expressions read-only against the claims
 * map ({@code SimpleEvaluationContext.forReadOnlyDataBinding()}), where method calls,
 * types, constructors, beans and assignments fail; refusing them here tells the
 * administrator at once instead of at the first presented token.
 */
public final class LibraryFederationSyntax implements FederationSyntax {

	/** Most keys a static JWK Set may hold. */
	public static final int MAX_KEYS = 20;

	private static final Set<String> REFUSED_NODES = Set.of("MethodReference", "TypeReference", "ConstructorReference",
			"BeanReference", "Assign", "FunctionReference", "VariableReference", "PropertyOrFieldReference",
			"Projection", "Selection", "OpInc", "OpDec");

	private final SpelExpressionParser parser = new SpelExpressionParser();

	@Override
	public Optional<String> keySetProblem(String jwks) {
		if (jwks == null) {
			return Optional.of("is required");
		}
		try {
			return problemWith(JWKSet.parse(jwks), MAX_KEYS);
		}
		catch (ParseException | RuntimeException ex) {
			return Optional.of("is not a JWK Set (RFC 7517)");
		}
	}

	/** What is wrong with parsed keys: none, too many, private or symmetric ones. */
	public static Optional<String> problemWith(JWKSet keys, int maxKeys) {
		if (keys.getKeys().isEmpty()) {
			return Optional.of("holds no keys");
		}
		if (keys.getKeys().size() > maxKeys) {
			return Optional.of("must hold at most " + maxKeys + " keys");
		}
		for (JWK key : keys.getKeys()) {
			if (key instanceof OctetSequenceKey) {
				return Optional.of("must hold public keys only: symmetric (oct) keys are refused");
			}
			if (key.isPrivate()) {
				return Optional.of("must hold public keys only: a key has a private part");
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<String> expressionProblem(String expression) {
		if (expression == null || expression.isBlank()) {
			return Optional.of("is required");
		}
		SpelExpression parsed;
		try {
			parsed = (SpelExpression) this.parser.parseExpression(expression);
		}
		catch (RuntimeException ex) {
			return Optional.of("is not a valid expression over the token's claims, e.g. ['repository'] == 'acme/app'");
		}
		Deque<SpelNode> nodes = new ArrayDeque<>();
		nodes.push(parsed.getAST());
		while (!nodes.isEmpty()) {
			SpelNode node = nodes.pop();
			if (REFUSED_NODES.contains(node.getClass().getSimpleName())) {
				return Optional.of("may only read and compare claims (['name'], ==, !=, matches, and, or, not):"
						+ " claims by index only, no method calls, types, constructors, beans, variables or assignments");
			}
			for (int i = 0; i < node.getChildCount(); i++) {
				nodes.push(node.getChild(i));
			}
		}
		return Optional.empty();
	}

}
