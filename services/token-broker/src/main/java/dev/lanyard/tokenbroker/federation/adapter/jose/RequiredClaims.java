package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.util.Collection;

/**
 * A required claim is present with the configured value: a string equal to it, a boolean
 * or number whose text is it, or an array containing such an element.
 */
final class RequiredClaims {

	private RequiredClaims() {
	}

	static boolean has(Object claim, String expected) {
		if (claim instanceof Collection<?> values) {
			return values.stream().anyMatch((value) -> scalarEquals(value, expected));
		}
		return scalarEquals(claim, expected);
	}

	private static boolean scalarEquals(Object value, String expected) {
		return (value instanceof String || value instanceof Boolean || value instanceof Number)
				&& expected.equals(String.valueOf(value));
	}

}
