package dev.lanyard.integrations.integration.domain;

/**
 * A request field is missing or not acceptable. No retry helps; the request changes
 * nothing.
 */
public final class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(field + ": " + message);
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("field cannot be blank");
		}
		this.field = field;
	}

	/** The field's name as the API spells it, e.g. {@code tokenEndpoint}. */
	public String field() {
		return this.field;
	}

}
