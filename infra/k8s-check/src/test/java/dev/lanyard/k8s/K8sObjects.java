package dev.lanyard.k8s;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers over rendered objects. */
final class K8sObjects {

	/** Lanyard's own services, each a Deployment, Service and KafkaUser of this name. */
	static final List<String> SERVICES = List.of("auth-gateway", "token-broker", "audit", "integration-registry",
			"user-provisioning");

	private K8sObjects() {
	}

	static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
		return objects.stream().filter((object) -> kind.equals(object.path("kind").asText())).toList();
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asText();
	}

	static String id(JsonNode object) {
		return object.path("kind").asText() + "/" + name(object);
	}

	static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	/** Labels as a sorted map, for comparing selectors with labels. */
	static Map<String, String> labels(JsonNode labels) {
		Map<String, String> map = new TreeMap<>();
		labels.fields().forEachRemaining((field) -> map.put(field.getKey(), field.getValue().asText()));
		return map;
	}

	/**
	 * Whether a label selector (matchLabels and matchExpressions) selects these labels.
	 */
	static boolean selects(JsonNode selector, JsonNode labels) {
		if (selector.isMissingNode() || selector.isNull()) {
			return false;
		}
		Map<String, String> present = labels(labels);
		boolean matches = labels(selector.path("matchLabels")).entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue().equals(present.get(entry.getKey())));
		for (JsonNode expression : selector.path("matchExpressions")) {
			String key = expression.path("key").asText();
			List<String> values = list(expression.path("values")).stream().map(JsonNode::asText).toList();
			matches &= switch (expression.path("operator").asText()) {
				case "In" -> values.contains(present.get(key));
				case "NotIn" -> !values.contains(present.get(key));
				case "Exists" -> present.containsKey(key);
				case "DoesNotExist" -> !present.containsKey(key);
				default -> false;
			};
		}
		return matches;
	}

	static JsonNode podLabels(JsonNode deployment) {
		return deployment.path("spec").path("template").path("metadata").path("labels");
	}

	static List<JsonNode> containers(JsonNode deployment) {
		JsonNode spec = deployment.path("spec").path("template").path("spec");
		List<JsonNode> containers = new java.util.ArrayList<>(list(spec.path("containers")));
		containers.addAll(list(spec.path("initContainers")));
		return containers;
	}

}
