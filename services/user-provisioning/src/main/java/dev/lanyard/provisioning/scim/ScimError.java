package dev.lanyard.provisioning.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SCIM error response (RFC 7644 §3.12), written with content type {@value #MEDIA_TYPE}.
 * {@code status} goes out as a string, as the RFC's schema says.
 *
 * @param status the HTTP status
 * @param scimType the SCIM error type ({@code invalidFilter}, {@code uniqueness}, …), or
 * {@code null}
 * @param detail a description for the caller that never quotes a secret, or {@code null}
 */
public record ScimError(int status, String scimType, String detail) {

	/** The schema of every SCIM error. */
	public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	/** SCIM's media type (RFC 7644 §3.1). */
	public static final String MEDIA_TYPE = "application/scim+json";

	public ScimError {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status (4xx or 5xx)");
		}
	}

	/** The JSON body, in the RFC's member order, without absent members. */
	public Map<String, Object> toJson() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemas", List.of(SCHEMA));
		body.put("status", Integer.toString(this.status));
		if (this.scimType != null) {
			body.put("scimType", this.scimType);
		}
		if (this.detail != null) {
			body.put("detail", this.detail);
		}
		return body;
	}

}
