package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.ofKind;

/**
 * No secret in the manifests: no Secret object (they are created at deploy time, see
 * infra/k8s/README.md), and no ConfigMap entry or plain environment value that is named
 * like a secret or looks like one (a PEM block, a JAAS line, a long random string). A
 * secret reaches a pod through secretKeyRef or a mounted Secret only.
 */
final class SecretChecks {

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(password|secret|credentials?|private|passphrase|[._-]keys?|[._-]token)|(?i).*jaas.*");

	private static final Pattern SECRET_VALUE = Pattern.compile(
			"(?s).*(-----BEGIN |password=|ScramLoginModule|PlainLoginModule).*|[A-Za-z0-9+/_-]{32,}={0,2}|.*:[A-Za-z0-9+/]{40,}={0,2}");

	private SecretChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		for (ObjectNode secret : ofKind(objects, "Secret")) {
			violations.add(id(secret) + ": a Secret in the manifests puts its value in git; create it at deploy time");
		}
		for (ObjectNode configMap : ofKind(objects, "ConfigMap")) {
			configMap.path("data")
				.fields()
				.forEachRemaining((entry) -> plain(id(configMap) + " key " + entry.getKey(), entry.getKey(),
						entry.getValue().asText(), violations));
		}
		for (ObjectNode deployment : ofKind(objects, "Deployment")) {
			for (JsonNode container : K8sObjects.containers(deployment)) {
				for (JsonNode variable : container.path("env")) {
					if (variable.has("value")) {
						plain(id(deployment) + " env " + variable.path("name").asText(), variable.path("name").asText(),
								variable.path("value").asText(), violations);
					}
				}
			}
		}
		return violations;
	}

	private static void plain(String where, String name, String value, List<String> violations) {
		if (SECRET_NAME.matcher(name).matches()) {
			violations.add(where + ": named like a secret but given as a plain value (use a Secret)");
		}
		else if (SECRET_VALUE.matcher(value).matches()) {
			violations.add(where + ": the value looks like a secret (use a Secret)");
		}
	}

}
