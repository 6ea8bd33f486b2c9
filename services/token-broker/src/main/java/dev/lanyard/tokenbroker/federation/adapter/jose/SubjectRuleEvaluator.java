package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.tokenbroker.federation.domain.SubjectRule;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Whether a token's claims meet one of a rule's subject rules: {@code sub} exactly, by
 * prefix, or a SpEL expression evaluated read-only against the claims map (no types, no
 * constructors, no beans, no method calls: {@code ['ref'] == 'refs/heads/main'},
 * {@code ['repository'] matches 'acme/.*'}). An expression that does not parse, throws or
 * is not {@code true} is not met.
 */
public final class SubjectRuleEvaluator {

	private static final int MAX_CACHED = 10_000;

	private final ExpressionParser parser = new SpelExpressionParser();

	private final EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();

	private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

	/** Whether the rules are empty or one of them is met. */
	public boolean met(List<SubjectRule> rules, Map<String, Object> claims) {
		if (rules.isEmpty()) {
			return true;
		}
		Object sub = claims.get("sub");
		String subject = (sub instanceof String value) ? value : null;
		for (SubjectRule rule : rules) {
			if (met(rule, subject, claims)) {
				return true;
			}
		}
		return false;
	}

	private boolean met(SubjectRule rule, String subject, Map<String, Object> claims) {
		return switch (rule.type()) {
			case EXACT -> rule.value().equals(subject);
			case PREFIX -> subject != null && subject.startsWith(rule.value());
			case EXPRESSION -> evaluate(rule.value(), claims);
		};
	}

	private boolean evaluate(String source, Map<String, Object> claims) {
		try {
			Expression expression = this.expressions.get(source);
			if (expression == null) {
				expression = this.parser.parseExpression(source);
				if (this.expressions.size() >= MAX_CACHED) {
					this.expressions.clear();
				}
				this.expressions.put(source, expression);
			}
			return Boolean.TRUE.equals(expression.getValue(this.context, claims));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
