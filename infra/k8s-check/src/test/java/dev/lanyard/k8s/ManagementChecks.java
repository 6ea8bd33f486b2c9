package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.containers;
import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.list;
import static dev.lanyard.k8s.K8sObjects.name;
import static dev.lanyard.k8s.K8sObjects.ofKind;

/**
 * Management ports stay inside: every probe targets a port its container declares; a
 * service whose settings set {@code MANAGEMENT_SERVER_PORT} (the gateway: its public port
 * answers no actuator endpoint, and with the port set health moves there too) declares it
 * as container and Service port {@code management} and probes it; no Ingress routes a
 * {@code management} port.
 */
final class ManagementChecks {

	static final String PORT_NAME = "management";

	private ManagementChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		for (ObjectNode deployment : ofKind(objects, "Deployment")) {
			for (JsonNode container : containers(deployment)) {
				String where = id(deployment) + " container " + container.path("name").asText();
				for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					JsonNode port = container.path(probe).path("httpGet").path("port");
					if (container.has(probe) && !declared(container, port.asText())) {
						violations.add(where + ": " + probe + " targets port " + port.asText()
								+ ", which the container does not declare");
					}
				}
				String management = setting(objects, container, "MANAGEMENT_SERVER_PORT");
				if (management != null) {
					managed(objects, deployment, container, where, management, violations);
				}
			}
		}
		for (ObjectNode ingress : ofKind(objects, "Ingress")) {
			for (JsonNode backend : ingress.findValues("service")) {
				String port = backend.path("port").path("name").asText(backend.path("port").path("number").asText());
				if (PORT_NAME.equals(servicePortName(objects, backend.path("name").asText(), port))) {
					violations.add(id(ingress) + ": routes to the management port of " + backend.path("name").asText());
				}
			}
		}
		return violations;
	}

	private static void managed(List<ObjectNode> objects, ObjectNode deployment, JsonNode container, String where,
			String management, List<String> violations) {
		boolean declared = list(container.path("ports")).stream()
			.anyMatch((port) -> PORT_NAME.equals(port.path("name").asText())
					&& management.equals(port.path("containerPort").asText()));
		if (!declared) {
			violations
				.add(where + ": MANAGEMENT_SERVER_PORT " + management + " is not its container port " + PORT_NAME);
		}
		if (setting(objects, container, "MANAGEMENT_SERVER_ADDRESS") == null) {
			violations.add(where + ": MANAGEMENT_SERVER_PORT without MANAGEMENT_SERVER_ADDRESS (loopback by default)");
		}
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			String port = container.path(probe).path("httpGet").path("port").asText();
			if (container.has(probe) && !PORT_NAME.equals(port) && !management.equals(port)) {
				violations.add(where + ": " + probe + " targets " + port + ", but health is on the management port");
			}
		}
		if (servicePortName(objects, name(deployment), PORT_NAME) == null) {
			violations.add(id(deployment) + ": no Service port " + PORT_NAME + " for Prometheus to scrape");
		}
	}

	private static boolean declared(JsonNode container, String port) {
		return list(container.path("ports")).stream()
			.anyMatch((declared) -> port.equals(declared.path("name").asText())
					|| port.equals(declared.path("containerPort").asText()));
	}

	/** The name of the Service's port given by name or number, or null. */
	private static String servicePortName(List<ObjectNode> objects, String service, String port) {
		return ofKind(objects, "Service").stream()
			.filter((candidate) -> service.equals(name(candidate)))
			.flatMap((candidate) -> list(candidate.path("spec").path("ports")).stream())
			.filter((declared) -> port.equals(declared.path("name").asText())
					|| port.equals(declared.path("port").asText()))
			.map((declared) -> declared.path("name").asText())
			.findFirst()
			.orElse(null);
	}

	/** A variable the container gets from its env or its ConfigMaps, or null. */
	static String setting(List<ObjectNode> objects, JsonNode container, String variable) {
		for (JsonNode env : list(container.path("env"))) {
			if (variable.equals(env.path("name").asText()) && env.has("value")) {
				return env.path("value").asText();
			}
		}
		for (JsonNode from : list(container.path("envFrom"))) {
			String map = from.path("configMapRef").path("name").asText();
			for (ObjectNode configMap : ofKind(objects, "ConfigMap")) {
				if (map.equals(name(configMap)) && configMap.path("data").has(variable)) {
					return configMap.path("data").path(variable).asText();
				}
			}
		}
		return null;
	}

}
