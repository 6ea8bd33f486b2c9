package dev.lanyard.provisioning.scim.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.ScimSchemas;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every SCIM endpoint answers with. */
final class ScimResponses {

	static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

	private ScimResponses() {
	}

	/** The absolute URL of {@code /scim/v2} as this request reached it. */
	static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
	}

	static Map<String, Object> list(List<Map<String, Object>> resources, long total, int startIndex) {
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("schemas", List.of(ScimSchemas.LIST_RESPONSE));
		list.put("totalResults", total);
		list.put("startIndex", startIndex);
		list.put("itemsPerPage", resources.size());
		list.put("Resources", resources);
		return list;
	}

	/** A paging parameter: absent → {@code fallback}; not a number → invalidValue. */
	static int number(String name, String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ScimException.invalidValue(name + " must be an integer");
		}
	}

}
