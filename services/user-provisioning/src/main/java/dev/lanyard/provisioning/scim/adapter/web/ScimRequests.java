package dev.lanyard.provisioning.scim.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.provisioning.scim.ScimError;
import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.shared.application.Actor;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;

/**
 * Reads SCIM request bodies with the limits every endpoint shares:
 * {@code application/scim+json} or {@code application/json}, at most {@link #MAX_BODY}
 * bytes, a JSON object; and the caller and version preconditions.
 */
final class ScimRequests {

	/** Largest body accepted: 1 MiB. */
	static final int MAX_BODY = 1024 * 1024;

	private ScimRequests() {
	}

	static Map<String, Object> body(HttpServletRequest request, JsonMapper json) {
		String contentType = request.getContentType();
		String mediaType = (contentType != null) ? contentType.split(";")[0].strip().toLowerCase() : "";
		if (!mediaType.equals("application/scim+json") && !mediaType.equals("application/json")) {
			throw new ScimException(
					new ScimError(415, null, "The body must be application/scim+json or application/json"));
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			throw tooLarge();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(MAX_BODY + 1);
		}
		catch (IOException ex) {
			throw ScimException.invalidSyntax("The body could not be read");
		}
		if (bytes.length > MAX_BODY) {
			throw tooLarge();
		}
		try {
			Object parsed = json.readValue(bytes, Object.class);
			if (!(parsed instanceof Map<?, ?> map)) {
				throw ScimException.invalidSyntax("The body must be a JSON object");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) map;
			return object;
		}
		catch (JacksonException ex) {
			throw ScimException.invalidSyntax("The body is not valid JSON");
		}
	}

	/** The SCIM client behind the request, for events. */
	static Actor actor(Authentication authentication, HttpServletRequest request) {
		String name = (authentication != null) ? authentication.getName() : null;
		return new Actor((name != null && !name.isBlank()) ? name : "scim-client:unknown",
				CorrelationIdFilter.of(request));
	}

	/**
	 * The version {@code If-Match} requires, {@code null} when absent or {@code *}. A
	 * version this service never issues cannot match: 412.
	 */
	static Long ifMatch(String header) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return null;
		}
		String tag = header.split(",")[0].strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw ScimException.preconditionFailed("If-Match names no version of this resource");
		}
	}

	static String etag(long version) {
		return "W/\"" + version + "\"";
	}

	private static ScimException tooLarge() {
		return new ScimException(new ScimError(413, null, "The body is larger than " + MAX_BODY + " bytes"));
	}

}
