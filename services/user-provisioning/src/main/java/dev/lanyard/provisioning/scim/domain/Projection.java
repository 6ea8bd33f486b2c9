package dev.lanyard.provisioning.scim.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.provisioning.scim.ScimException;

/**
 * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5) on a
 * rendered resource. {@code id} and {@code schemas} are always returned.
 */
public final class Projection {

	public static final Projection ALL = new Projection(List.of(), List.of());

	private final List<AttributePath> attributes;

	private final List<AttributePath> excluded;

	private Projection(List<AttributePath> attributes, List<AttributePath> excluded) {
		this.attributes = attributes;
		this.excluded = excluded;
	}

	/** From the two request parameters, each a comma-separated list or {@code null}. */
	public static Projection of(String attributes, String excludedAttributes) {
		return new Projection(paths(attributes), paths(excludedAttributes));
	}

	/**
	 * Whether a top-level attribute is returned, so whoever renders it need not load it.
	 */
	public boolean wants(String attribute) {
		if (this.excluded.stream().anyMatch((path) -> path.is(attribute) && path.subAttribute() == null)) {
			return false;
		}
		return this.attributes.isEmpty() || this.attributes.stream().anyMatch((path) -> path.is(attribute));
	}

	public Map<String, Object> apply(Map<String, Object> resource) {
		if (!this.attributes.isEmpty()) {
			Map<String, Object> kept = new LinkedHashMap<>();
			for (Map.Entry<String, Object> entry : resource.entrySet()) {
				String key = entry.getKey();
				if (key.equals("schemas") || key.equals("id")) {
					kept.put(key, entry.getValue());
					continue;
				}
				Object value = select(key, entry.getValue(), this.attributes);
				if (value != null) {
					kept.put(key, value);
				}
			}
			return kept;
		}
		Map<String, Object> kept = new LinkedHashMap<>(resource);
		for (AttributePath path : this.excluded) {
			String key = key(kept, path);
			if (key == null || key.equals("id") || key.equals("schemas")) {
				continue;
			}
			String attribute = (path.schema() != null && key.equalsIgnoreCase(path.schema())) ? path.attribute()
					: path.subAttribute();
			if (attribute == null) {
				kept.remove(key);
			}
			else if (kept.get(key) instanceof Map<?, ?> object) {
				Map<String, Object> copy = new LinkedHashMap<>(PatchRequest.cast(object));
				copy.keySet().removeIf(attribute::equalsIgnoreCase);
				kept.put(key, copy);
			}
		}
		return kept;
	}

	/**
	 * What of {@code value} (under {@code key}) the listed paths ask for, or
	 * {@code null}.
	 */
	private static Object select(String key, Object value, List<AttributePath> paths) {
		boolean extension = key.startsWith("urn:");
		Map<String, Object> parts = new LinkedHashMap<>();
		for (AttributePath path : paths) {
			if (extension && key.equalsIgnoreCase(path.schema())) {
				if (value instanceof Map<?, ?> object) {
					PatchRequest.cast(object).forEach((name, part) -> {
						if (name.equalsIgnoreCase(path.attribute())) {
							parts.put(name, part);
						}
					});
				}
			}
			else if (extension && key.equalsIgnoreCase(path.schema() + ":" + path.attribute())) {
				return value;
			}
			else if (!extension && path.is(key)) {
				if (path.subAttribute() == null) {
					return value;
				}
				parts.put(path.subAttribute(), null);
			}
		}
		if (parts.isEmpty()) {
			return null;
		}
		if (extension) {
			return parts;
		}
		return subAttributes(value, parts.keySet());
	}

	private static Object subAttributes(Object value, java.util.Set<String> subs) {
		if (value instanceof Map<?, ?> object) {
			Map<String, Object> kept = new LinkedHashMap<>();
			PatchRequest.cast(object).forEach((name, part) -> {
				if (subs.stream().anyMatch(name::equalsIgnoreCase)) {
					kept.put(name, part);
				}
			});
			return kept;
		}
		if (value instanceof List<?> list) {
			List<Object> kept = new ArrayList<>();
			list.forEach((item) -> kept.add(subAttributes(item, subs)));
			return kept;
		}
		return null;
	}

	private static String key(Map<String, Object> resource, AttributePath path) {
		for (String key : resource.keySet()) {
			if (path.schema() != null && key.equalsIgnoreCase(path.schema())) {
				return key;
			}
			if (path.schema() != null && key.equalsIgnoreCase(path.schema() + ":" + path.attribute())) {
				return key;
			}
			if (key.equalsIgnoreCase(path.attribute())
					&& (path.schema() == null || !path.schema().contains(":extension:"))) {
				return key;
			}
		}
		return null;
	}

	private static List<AttributePath> paths(String list) {
		if (list == null || list.isBlank()) {
			return List.of();
		}
		List<AttributePath> paths = new ArrayList<>();
		for (String name : list.split(",")) {
			if (!name.isBlank()) {
				AttributePath path = FilterParser.parsePath(name.strip());
				if (path.valueFilter() != null) {
					throw ScimException.invalidPath("attributes cannot have value filters: '" + name.strip() + "'");
				}
				paths.add(path);
			}
		}
		return paths;
	}

}
