package dev.lanyard.provisioning.scim.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lanyard.provisioning.scim.ScimException;

/**
 * Reads a PATCH body (RFC 7644 §3.5.2) the way real clients write it: operation names in
 * any case (Entra's {@code "Replace"}), and a path-less {@code add}/{@code replace} whose
 * value object has plain, dotted ({@code "name.givenName"}) or schema-URN keys (an
 * extension's object, or {@code "urn:…:User:department"}) becomes one operation per key.
 */
public final class PatchRequest {

	public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	/** Most operations one request may carry. */
	public static final int MAX_OPERATIONS = 1000;

	private PatchRequest() {
	}

	public static List<PatchOperation> parse(Map<String, Object> body) {
		if (body == null) {
			throw ScimException.invalidSyntax("A PatchOp body is required");
		}
		if (!(body.get("schemas") instanceof List<?> schemas)
				|| schemas.stream().noneMatch((schema) -> SCHEMA.equals(schema))) {
			throw ScimException.invalidSyntax("schemas must contain " + SCHEMA);
		}
		Object operations = caseInsensitive(body, "Operations");
		if (!(operations instanceof List<?> list) || list.isEmpty()) {
			throw ScimException.invalidSyntax("Operations must be a non-empty array");
		}
		if (list.size() > MAX_OPERATIONS) {
			throw ScimException.tooMany("A PATCH may carry at most " + MAX_OPERATIONS + " operations");
		}
		List<PatchOperation> parsed = new ArrayList<>();
		for (Object operation : list) {
			if (!(operation instanceof Map<?, ?> map)) {
				throw ScimException.invalidSyntax("Each operation must be an object");
			}
			parsed.addAll(operation(cast(map)));
		}
		return parsed;
	}

	private static List<PatchOperation> operation(Map<String, Object> operation) {
		PatchOperation.Op op = op(caseInsensitive(operation, "op"));
		Object path = caseInsensitive(operation, "path");
		Object value = caseInsensitive(operation, "value");
		if (path != null && !(path instanceof String)) {
			throw ScimException.invalidPath("path must be a string");
		}
		if (path != null && !((String) path).isBlank()) {
			return List.of(new PatchOperation(op, FilterParser.parsePath((String) path), value));
		}
		if (op == PatchOperation.Op.REMOVE) {
			throw ScimException.noTarget("A remove operation needs a path");
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw ScimException.invalidValue(
					"An " + op.name().toLowerCase(Locale.ROOT) + " operation without a path needs an object value");
		}
		List<PatchOperation> split = new ArrayList<>();
		for (Map.Entry<String, Object> entry : cast(map).entrySet()) {
			String key = entry.getKey();
			if (ScimSchemas.isKnown(key) && entry.getValue() instanceof Map<?, ?> extension) {
				// an extension schema's attributes as an object, e.g. the enterprise
				// User's
				for (Map.Entry<String, Object> attribute : cast(extension).entrySet()) {
					AttributePath relative = FilterParser.parsePath(attribute.getKey());
					split.add(new PatchOperation(op, new AttributePath(key, relative.attribute(),
							relative.valueFilter(), relative.subAttribute()), attribute.getValue()));
				}
			}
			else {
				split.add(new PatchOperation(op, FilterParser.parsePath(key), entry.getValue()));
			}
		}
		return split;
	}

	private static PatchOperation.Op op(Object op) {
		if (op instanceof String name) {
			switch (name.toLowerCase(Locale.ROOT)) {
				case "add":
					return PatchOperation.Op.ADD;
				case "replace":
					return PatchOperation.Op.REPLACE;
				case "remove":
					return PatchOperation.Op.REMOVE;
				default:
					break;
			}
		}
		throw ScimException.invalidSyntax("op must be add, replace or remove");
	}

	/** A member of a JSON object whose name matches ignoring case. */
	public static Object caseInsensitive(Map<String, Object> object, String name) {
		Object exact = object.get(name);
		if (exact != null) {
			return exact;
		}
		for (Map.Entry<String, Object> entry : object.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}
