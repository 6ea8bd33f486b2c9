package dev.lanyard.tokenbroker.federation.domain;

/**
 * One condition on a presented token's subject: its {@code sub} exactly, its {@code sub}
 * by prefix, or an expression over its claims that must be true.
 *
 * @param type how {@code value} is applied
 * @param value the {@code sub}, its prefix, or the expression
 */
public record SubjectRule(Type type, String value) {

	public SubjectRule {
		if (type == null) {
			throw new IllegalArgumentException("type cannot be null");
		}
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("value cannot be empty");
		}
	}

	/** How a rule's value is applied. */
	public enum Type {

		EXACT("exact"), PREFIX("prefix"), EXPRESSION("expression");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}

		public static Type fromValue(String value) {
			for (Type type : values()) {
				if (type.value.equals(value)) {
					return type;
				}
			}
			throw new IllegalArgumentException("type must be exact, prefix or expression");
		}

	}

}
