package dev.lanyard.provisioning.scim.domain;

/**
 * What this service keeps of a SCIM User resource. Lanyard's email is the primary (else
 * the work, else the first) of the client's {@code emails}.
 *
 * @param userName the client's unique name for the user (often an email address)
 * @param externalId the client's id, may be {@code null}
 * @param givenName {@code name.givenName}, may be {@code null}
 * @param familyName {@code name.familyName}, may be {@code null}
 * @param displayName may be {@code null} (then derived from the names)
 * @param email may be {@code null}
 * @param active {@code null} when not given
 * @param employeeNumber the enterprise extension's, may be {@code null}
 * @param department the enterprise extension's, may be {@code null}
 */
public record ScimUser(String userName, String externalId, String givenName, String familyName, String displayName,
		String email, Boolean active, String employeeNumber, String department) {

	public static final ScimUser EMPTY = new ScimUser(null, null, null, null, null, null, null, null, null);

	public ScimUser withUserName(String value) {
		return new ScimUser(value, this.externalId, this.givenName, this.familyName, this.displayName, this.email,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withExternalId(String value) {
		return new ScimUser(this.userName, value, this.givenName, this.familyName, this.displayName, this.email,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withGivenName(String value) {
		return new ScimUser(this.userName, this.externalId, value, this.familyName, this.displayName, this.email,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withFamilyName(String value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, value, this.displayName, this.email,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withDisplayName(String value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, this.familyName, value, this.email,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withEmail(String value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, this.familyName, this.displayName, value,
				this.active, this.employeeNumber, this.department);
	}

	public ScimUser withActive(Boolean value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, this.familyName, this.displayName,
				this.email, value, this.employeeNumber, this.department);
	}

	public ScimUser withEmployeeNumber(String value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, this.familyName, this.displayName,
				this.email, this.active, value, this.department);
	}

	public ScimUser withDepartment(String value) {
		return new ScimUser(this.userName, this.externalId, this.givenName, this.familyName, this.displayName,
				this.email, this.active, this.employeeNumber, value);
	}

}
