package dev.lanyard.integrations.integration.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * One condition on a presented token: its {@code sub} equals the value, starts with it,
 * or the value is an expression over the token's claims that is true.
 *
 * @param type how the value is compared
 * @param value the subject, its prefix or the expression
 */
public record SubjectRule(Type type, String value) {

	public SubjectRule {
		if (type == null) {
			throw new IllegalArgumentException("type cannot be null");
		}
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("value cannot be blank");
		}
	}

	/** How a rule compares. */
	public enum Type {

		EXACT, PREFIX, EXPRESSION;

		/** The name used in the API and events. */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Type> of(String value) {
			for (Type type : values()) {
				if (type.value().equals(value)) {
					return Optional.of(type);
				}
			}
			return Optional.empty();
		}

	}

}
