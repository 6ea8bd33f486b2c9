package dev.lanyard.audit.trail.adapter.web;

/** A query parameter is malformed; rendered as a 400 problem naming it. */
public final class InvalidParameterException extends RuntimeException {

	private final String parameter;

	public InvalidParameterException(String parameter, String message) {
		super(message);
		if (parameter == null || parameter.isBlank()) {
			throw new IllegalArgumentException("parameter cannot be blank");
		}
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
