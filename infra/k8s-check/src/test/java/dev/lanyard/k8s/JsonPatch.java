package dev.lanyard.k8s;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 add, replace and remove: what Kustomize overlays here use. */
final class JsonPatch {

	private JsonPatch() {
	}

	static void apply(ObjectNode document, ArrayNode operations) {
		if (document == null || operations == null) {
			throw new IllegalArgumentException("document and operations cannot be null");
		}
		for (JsonNode operation : operations) {
			String op = operation.path("op").asText();
			JsonPointer pointer = JsonPointer.compile(operation.path("path").asText());
			JsonNode parent = document.at(pointer.head());
			String last = pointer.last().getMatchingProperty();
			switch (op) {
				case "add" -> add(parent, last, operation.get("value"), pointer);
				case "replace" -> {
					requireExisting(document, pointer);
					remove(parent, last);
					add(parent, last, operation.get("value"), pointer);
				}
				case "remove" -> {
					requireExisting(document, pointer);
					remove(parent, last);
				}
				default -> throw new IllegalArgumentException("patch operation '" + op + "' is not supported");
			}
		}
	}

	private static void requireExisting(ObjectNode document, JsonPointer pointer) {
		if (document.at(pointer).isMissingNode()) {
			throw new IllegalArgumentException("patch path " + pointer + " does not exist");
		}
	}

	private static void add(JsonNode parent, String last, JsonNode value, JsonPointer pointer) {
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			if ("-".equals(last)) {
				array.add(value);
			}
			else {
				array.insert(Integer.parseInt(last), value);
			}
		}
		else {
			throw new IllegalArgumentException("patch path " + pointer + " has no parent");
		}
	}

	private static void remove(JsonNode parent, String last) {
		if (parent instanceof ObjectNode object) {
			object.remove(last);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(last));
		}
	}

}
