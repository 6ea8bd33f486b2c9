package dev.lanyard.provisioning.scim;

/**
 * A SCIM request refused as {@link #error()} says; nothing was changed. Retrying the same
 * request cannot help.
 */
public final class ScimException extends RuntimeException {

	private final transient ScimError error;

	public ScimException(ScimError error) {
		super((error != null) ? error.detail() : null);
		if (error == null) {
			throw new IllegalArgumentException("error cannot be null");
		}
		this.error = error;
	}

	public ScimError error() {
		return this.error;
	}

	public static ScimException badRequest(String scimType, String detail) {
		return new ScimException(new ScimError(400, scimType, detail));
	}

	public static ScimException invalidFilter(String detail) {
		return badRequest("invalidFilter", detail);
	}

	public static ScimException invalidValue(String detail) {
		return badRequest("invalidValue", detail);
	}

	public static ScimException invalidPath(String detail) {
		return badRequest("invalidPath", detail);
	}

	public static ScimException invalidSyntax(String detail) {
		return badRequest("invalidSyntax", detail);
	}

	public static ScimException mutability(String detail) {
		return badRequest("mutability", detail);
	}

	public static ScimException noTarget(String detail) {
		return badRequest("noTarget", detail);
	}

	public static ScimException tooMany(String detail) {
		return badRequest("tooMany", detail);
	}

	public static ScimException uniqueness(String detail) {
		return new ScimException(new ScimError(409, "uniqueness", detail));
	}

	public static ScimException notFound(String detail) {
		return new ScimException(new ScimError(404, null, detail));
	}

	public static ScimException preconditionFailed(String detail) {
		return new ScimException(new ScimError(412, null, detail));
	}

}
