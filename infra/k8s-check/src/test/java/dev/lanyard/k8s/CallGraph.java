package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.labels;
import static dev.lanyard.k8s.K8sObjects.name;
import static dev.lanyard.k8s.K8sObjects.ofKind;
import static dev.lanyard.k8s.K8sObjects.podLabels;
import static dev.lanyard.k8s.K8sObjects.selects;

/**
 * Who connects to whom, read from the services' own settings (every {@code host:port} in
 * the ConfigMaps a Deployment loads: service URLs, JWKS URIs, the Kafka bootstrap, the
 * registry, the JDBC URL), compared with what their NetworkPolicies allow.
 */
final class CallGraph {

	private static final Pattern ADDRESS = Pattern.compile("(?:^|//|,)([a-z0-9-]+):(\\d+)");

	private final Map<String, Set<Edge>> edges;

	private final List<ObjectNode> deployments;

	private CallGraph(Map<String, Set<Edge>> edges, List<ObjectNode> deployments) {
		this.edges = edges;
		this.deployments = deployments;
	}

	static CallGraph of(List<ObjectNode> objects, List<String> violations) {
		Map<String, Set<Edge>> edges = new TreeMap<>();
		for (ObjectNode deployment : ofKind(objects, "Deployment")) {
			Set<Edge> targets = new java.util.HashSet<>();
			for (JsonNode container : K8sObjects.containers(deployment)) {
				for (JsonNode source : container.path("envFrom")) {
					String configMap = source.path("configMapRef").path("name").asText();
					ofKind(objects, "ConfigMap").stream()
						.filter((map) -> configMap.equals(name(map)))
						.forEach((map) -> map.path("data")
							.forEach((value) -> addresses(value.asText(), objects, name(deployment), targets,
									violations)));
				}
			}
			edges.put(name(deployment), targets);
		}
		return new CallGraph(edges, ofKind(objects, "Deployment"));
	}

	private static void addresses(String value, List<ObjectNode> objects, String caller, Set<Edge> targets,
			List<String> violations) {
		Matcher matcher = ADDRESS.matcher(value);
		while (matcher.find()) {
			String host = matcher.group(1);
			int port = Integer.parseInt(matcher.group(2));
			if (NetworkChecks.OPERATOR_SERVICES.containsKey(host)) {
				targets.add(new Edge(new TreeMap<>(NetworkChecks.OPERATOR_SERVICES.get(host)), port));
				continue;
			}
			ObjectNode service = ofKind(objects, "Service").stream()
				.filter((candidate) -> host.equals(name(candidate)))
				.findFirst()
				.orElse(null);
			if (service == null) {
				violations.add(caller + "'s settings name " + host + ":" + port + ", which no Service provides");
				continue;
			}
			targets.add(new Edge(labels(service.path("spec").path("selector")), containerPort(service, port, objects)));
		}
	}

	private static int containerPort(ObjectNode service, int port, List<ObjectNode> objects) {
		for (JsonNode servicePort : service.path("spec").path("ports")) {
			if (servicePort.path("port").asInt() != port) {
				continue;
			}
			JsonNode target = servicePort.path("targetPort");
			if (!target.isTextual()) {
				return target.asInt(port);
			}
			for (ObjectNode deployment : ofKind(objects, "Deployment")) {
				if (selects(WorkloadChecks.wrap(service.path("spec").path("selector")), podLabels(deployment))) {
					for (JsonNode container : K8sObjects.containers(deployment)) {
						for (JsonNode containerPort : container.path("ports")) {
							if (target.asText().equals(containerPort.path("name").asText())) {
								return containerPort.path("containerPort").asInt();
							}
						}
					}
				}
			}
		}
		return -1;
	}

	/** A connection a service makes: to the pods these labels select, on this port. */
	record Edge(Map<String, String> labels, int port) {

		@Override
		public String toString() {
			return this.labels + " TCP/" + this.port;
		}

		boolean reaches(JsonNode pods) {
			Map<String, String> present = K8sObjects.labels(pods);
			return this.labels.entrySet()
				.stream()
				.allMatch((label) -> label.getValue().equals(present.get(label.getKey())));
		}

	}

	void check(String service, List<ObjectNode> policies, List<String> violations) {
		JsonNode pods = this.deployments.stream()
			.filter((deployment) -> service.equals(name(deployment)))
			.map(K8sObjects::podLabels)
			.findFirst()
			.orElse(null);
		if (pods == null) {
			return;
		}
		Set<String> allowed = new TreeSet<>();
		Set<String> callers = new TreeSet<>();
		for (ObjectNode policy : policies) {
			if (policy.path("spec").path("podSelector").isEmpty()
					|| !selects(policy.path("spec").path("podSelector"), pods)) {
				continue;
			}
			for (JsonNode rule : policy.path("spec").path("egress")) {
				egress(service, rule, allowed, violations);
			}
			for (JsonNode rule : policy.path("spec").path("ingress")) {
				for (JsonNode peer : rule.path("from")) {
					if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
						this.deployments.stream()
							.filter((deployment) -> selects(peer.path("podSelector"), podLabels(deployment)))
							.forEach((deployment) -> callers.add(name(deployment)));
					}
				}
			}
		}
		Set<String> expected = new TreeSet<>();
		this.edges.getOrDefault(service, Set.of()).forEach((edge) -> expected.add(edge.toString()));
		if (!allowed.equals(expected)) {
			Set<String> extra = new TreeSet<>(allowed);
			extra.removeAll(expected);
			Set<String> missing = new TreeSet<>(expected);
			missing.removeAll(allowed);
			violations
				.add(service + ": egress allows " + extra + " that its settings do not use, and lacks " + missing);
		}
		Set<String> expectedCallers = new TreeSet<>();
		for (ObjectNode deployment : this.deployments) {
			if (this.edges.getOrDefault(name(deployment), Set.of()).stream().anyMatch((edge) -> edge.reaches(pods))) {
				expectedCallers.add(name(deployment));
			}
		}
		if (!callers.equals(expectedCallers)) {
			violations.add(service + ": reachable from " + callers + ", but only " + expectedCallers + " call it");
		}
	}

	/**
	 * DNS and, for the services that call out, HTTPS to public addresses are allowed too.
	 */
	private static void egress(String service, JsonNode rule, Set<String> allowed, List<String> violations) {
		List<String> ports = new ArrayList<>();
		rule.path("ports")
			.forEach((port) -> ports.add(port.path("protocol").asText("TCP") + "/" + port.path("port").asText()));
		if (rule.path("to").isEmpty()) {
			violations.add(service + ": an egress rule without 'to' lets it connect anywhere");
		}
		for (JsonNode peer : rule.path("to")) {
			if (peer.has("ipBlock")) {
				Set<String> except = new TreeSet<>();
				peer.path("ipBlock").path("except").forEach((cidr) -> except.add(cidr.asText()));
				if (!NetworkChecks.EXTERNAL.contains(service) || !ports.equals(List.of("TCP/443")) || !except
					.containsAll(Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"))) {
					violations.add(service + ": egress to addresses " + peer.path("ipBlock") + " on " + ports
							+ "; only HTTPS to public addresses, and only for " + NetworkChecks.EXTERNAL);
				}
			}
			else if (peer.has("namespaceSelector")) {
				if (!"kube-system".equals(
						peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
						|| ports.stream().anyMatch((port) -> !port.endsWith("/53"))) {
					violations.add(service + ": egress to another namespace beyond DNS: " + peer);
				}
			}
			else {
				String labels = peer.path("podSelector").has("matchExpressions") ? peer.path("podSelector").toString()
						: labels(peer.path("podSelector").path("matchLabels")).toString();
				if (ports.isEmpty()) {
					allowed.add(labels + " any port");
				}
				ports.forEach((port) -> allowed.add(labels + " " + port));
			}
		}
	}

}
