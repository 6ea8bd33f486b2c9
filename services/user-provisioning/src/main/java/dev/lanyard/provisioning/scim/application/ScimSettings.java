package dev.lanyard.provisioning.scim.application;

/**
 * How SCIM users meet sign-ins, and how much one listing returns.
 *
 * @param signInIssuer the issuer whose sign-ins SCIM users bind to; {@code null} binds
 * them to none
 * @param uniqueIdAttribute which SCIM attribute is the sign-in's unique id
 * @param maxResults the largest page of a listing
 */
public record ScimSettings(String signInIssuer, UniqueIdAttribute uniqueIdAttribute, int maxResults) {

	public ScimSettings {
		if (uniqueIdAttribute == null) {
			throw new IllegalArgumentException("uniqueIdAttribute cannot be null");
		}
		if (maxResults < 1) {
			throw new IllegalArgumentException("maxResults must be positive");
		}
	}

	/** The SCIM attribute a sign-in's unique id (e.g. {@code sub}) equals. */
	public enum UniqueIdAttribute {

		EXTERNAL_ID, USER_NAME

	}

}
