package dev.lanyard.provisioning.scim.adapter.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource's {@code meta} (RFC 7643 §3.1); {@code version} is the weak ETag. */
final class Meta {

	private Meta() {
	}

	static Map<String, Object> of(String resourceType, Instant created, Instant lastModified, String location,
			long version) {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("resourceType", resourceType);
		meta.put("created", created.toString());
		meta.put("lastModified", lastModified.toString());
		meta.put("location", location);
		meta.put("version", ScimRequests.etag(version));
		return meta;
	}

}
