package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.containers;
import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.name;
import static dev.lanyard.k8s.K8sObjects.ofKind;
import static dev.lanyard.k8s.K8sObjects.podLabels;
import static dev.lanyard.k8s.K8sObjects.selects;

/**
 * Each Deployment: probes on the health groups, a fixed image, non-root and read-only
 * with /tmp writable, requests and limits, a PodDisruptionBudget, a Service, and an
 * autoscaler where the service is stateless.
 */
final class WorkloadChecks {

	/**
	 * audit is left out: one ledger, appended under one lock, so more pods add no
	 * throughput.
	 */
	static final Set<String> AUTOSCALED = Set.of("auth-gateway", "token-broker", "integration-registry",
			"user-provisioning");

	private WorkloadChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		List<ObjectNode> deployments = ofKind(objects, "Deployment");
		for (String service : K8sObjects.SERVICES) {
			if (deployments.stream().noneMatch((deployment) -> service.equals(name(deployment)))) {
				violations.add("no Deployment for " + service);
			}
		}
		for (ObjectNode deployment : deployments) {
			String id = id(deployment);
			boolean lanyard = K8sObjects.SERVICES.contains(name(deployment));
			for (JsonNode container : containers(deployment)) {
				String where = id + " container " + container.path("name").asText();
				probes(where, container, lanyard, violations);
				image(where, container.path("image").asText(), violations);
				containerSecurity(where, container, violations);
				resources(where, container, violations);
			}
			podSecurity(id, deployment, violations);
			if (!selected(ofKind(objects, "PodDisruptionBudget"), deployment)) {
				violations.add(id + ": no PodDisruptionBudget selects its pods");
			}
			if (ofKind(objects, "Service").stream()
				.noneMatch((service) -> selects(wrap(service.path("spec").path("selector")), podLabels(deployment)))) {
				violations.add(id + ": no Service selects its pods");
			}
			if (AUTOSCALED.contains(name(deployment)) && ofKind(objects, "HorizontalPodAutoscaler").stream()
				.noneMatch((hpa) -> name(deployment)
					.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText())
						&& "Deployment".equals(hpa.path("spec").path("scaleTargetRef").path("kind").asText()))) {
				violations.add(id + ": stateless, but no HorizontalPodAutoscaler scales it");
			}
			if (AUTOSCALED.contains(name(deployment)) && deployment.path("spec").has("replicas")) {
				violations.add(id + ": autoscaled, yet sets replicas (every apply would undo the autoscaler)");
			}
		}
		return violations;
	}

	private static void probes(String where, JsonNode container, boolean lanyard, List<String> violations) {
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			if (!container.has(probe)) {
				violations.add(where + ": no " + probe);
			}
		}
		if (lanyard) {
			expectPath(where, container, "startupProbe", "/actuator/health/liveness", violations);
			expectPath(where, container, "livenessProbe", "/actuator/health/liveness", violations);
			expectPath(where, container, "readinessProbe", "/actuator/health/readiness", violations);
		}
	}

	private static void expectPath(String where, JsonNode container, String probe, String path,
			List<String> violations) {
		String actual = container.path(probe).path("httpGet").path("path").asText();
		if (container.has(probe) && !path.equals(actual)) {
			violations.add(where + ": " + probe + " asks " + actual + ", not the health group " + path);
		}
	}

	private static void image(String where, String image, List<String> violations) {
		Images.Reference reference = Images.Reference.parse(image);
		if (reference.digest() == null && (reference.tag() == null || "latest".equals(reference.tag()))) {
			violations.add(where + ": image " + image + " has no fixed tag or digest");
		}
	}

	private static void containerSecurity(String where, JsonNode container, List<String> violations) {
		JsonNode context = container.path("securityContext");
		if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
			violations.add(where + ": root filesystem not read-only");
		}
		if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
			violations.add(where + ": privilege escalation allowed");
		}
		if (K8sObjects.list(context.path("capabilities").path("drop"))
			.stream()
			.noneMatch((c) -> "ALL".equals(c.asText()))) {
			violations.add(where + ": capabilities not dropped (ALL)");
		}
		if (K8sObjects.list(container.path("volumeMounts"))
			.stream()
			.noneMatch((m) -> "/tmp".equals(m.path("mountPath").asText()))) {
			violations.add(where + ": no writable /tmp (an emptyDir) under the read-only root");
		}
	}

	private static void podSecurity(String id, JsonNode deployment, List<String> violations) {
		JsonNode pod = deployment.path("spec").path("template").path("spec");
		if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
			violations.add(id + ": pod may run as root (runAsNonRoot not true)");
		}
		for (JsonNode mount : K8sObjects.list(K8sObjects.containers(deployment).getFirst().path("volumeMounts"))) {
			if ("/tmp".equals(mount.path("mountPath").asText()) && K8sObjects.list(pod.path("volumes"))
				.stream()
				.noneMatch((volume) -> volume.path("name").equals(mount.path("name")) && volume.has("emptyDir"))) {
				violations.add(id + ": /tmp is not an emptyDir");
			}
		}
	}

	private static void resources(String where, JsonNode container, List<String> violations) {
		for (String kind : List.of("requests", "limits")) {
			for (String resource : List.of("cpu", "memory")) {
				if (container.path("resources").path(kind).path(resource).isMissingNode()) {
					violations.add(where + ": no " + resource + " " + kind);
				}
			}
		}
	}

	private static boolean selected(List<ObjectNode> budgets, JsonNode deployment) {
		return budgets.stream()
			.anyMatch((budget) -> selects(budget.path("spec").path("selector"), podLabels(deployment)));
	}

	/** A Service's selector is a plain label map: as a label selector. */
	static JsonNode wrap(JsonNode labels) {
		return Kustomize.YAML.createObjectNode().set("matchLabels", labels.deepCopy());
	}

}
