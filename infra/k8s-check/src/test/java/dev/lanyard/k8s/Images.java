package dev.lanyard.k8s;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kustomize's {@code images} transformer: every container or init container whose image
 * has the entry's name gets its new name, tag or digest.
 */
final class Images {

	private Images() {
	}

	static void replace(JsonNode node, JsonNode entry) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (("containers".equals(field.getKey()) || "initContainers".equals(field.getKey()))
						&& field.getValue().isArray()) {
					field.getValue().forEach((container) -> replaceOne((ObjectNode) container, entry));
				}
				else {
					replace(field.getValue(), entry);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> replace(element, entry));
		}
	}

	private static void replaceOne(ObjectNode container, JsonNode entry) {
		String image = container.path("image").asText("");
		Reference reference = Reference.parse(image);
		if (!reference.name().equals(entry.path("name").asText())) {
			return;
		}
		String name = entry.path("newName").asText(reference.name());
		if (entry.has("digest")) {
			container.put("image", name + "@" + entry.get("digest").asText());
		}
		else {
			String tag = entry.path("newTag").asText(reference.tag());
			container.put("image", (tag != null) ? name + ":" + tag : name);
		}
	}

	/** An image reference split into name and tag ({@code null} when it has none). */
	record Reference(String name, String tag, String digest) {

		static Reference parse(String image) {
			String digest = null;
			int at = image.indexOf('@');
			String rest = image;
			if (at >= 0) {
				digest = image.substring(at + 1);
				rest = image.substring(0, at);
			}
			int colon = rest.lastIndexOf(':');
			if (colon > rest.lastIndexOf('/')) {
				return new Reference(rest.substring(0, colon), rest.substring(colon + 1), digest);
			}
			return new Reference(rest, null, digest);
		}

	}

}
