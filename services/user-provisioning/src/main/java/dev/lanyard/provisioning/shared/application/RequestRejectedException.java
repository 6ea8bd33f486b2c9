package dev.lanyard.provisioning.shared.application;

/**
 * An administrator's request that cannot be carried out as asked; nothing was changed.
 * Retrying the same request cannot help.
 */
public final class RequestRejectedException extends RuntimeException {

	private final Kind kind;

	private final String field;

	public RequestRejectedException(Kind kind, String message) {
		this(kind, null, message);
	}

	public RequestRejectedException(Kind kind, String field, String message) {
		super(message);
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The request field at fault, or {@code null}. */
	public String field() {
		return this.field;
	}

	public static RequestRejectedException invalid(String field, String message) {
		return new RequestRejectedException(Kind.INVALID, field, message);
	}

	public static RequestRejectedException notFound(String message) {
		return new RequestRejectedException(Kind.NOT_FOUND, message);
	}

	public static RequestRejectedException conflict(String field, String message) {
		return new RequestRejectedException(Kind.CONFLICT, field, message);
	}

	/** What is wrong with the request. */
	public enum Kind {

		/** Malformed or breaking a rule (400). */
		INVALID,

		/** Names something that does not exist (404). */
		NOT_FOUND,

		/** Clashes with the current state or settings (409). */
		CONFLICT

	}

}
