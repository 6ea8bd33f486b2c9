package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.labels;
import static dev.lanyard.k8s.K8sObjects.list;
import static dev.lanyard.k8s.K8sObjects.name;
import static dev.lanyard.k8s.K8sObjects.ofKind;
import static dev.lanyard.k8s.K8sObjects.podLabels;
import static dev.lanyard.k8s.K8sObjects.selects;

/**
 * NetworkPolicies: ingress denied by default; every pod (the services, the registry,
 * Kafka's brokers, PostgreSQL's instances) selected by a policy of its own; only
 * auth-gateway reachable from outside the namespace; and each service's allowed
 * connections exactly the ones its settings name (CallGraph), no more and no fewer.
 */
final class NetworkChecks {

	/**
	 * The pods behind the operators' Services that the settings name, by Service name.
	 */
	static final Map<String, Map<String, String>> OPERATOR_SERVICES = Map.of("lanyard-kafka-bootstrap",
			Map.of("strimzi.io/cluster", "lanyard", "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"),
			"lanyard-postgres-rw", Map.of("cnpg.io/cluster", "lanyard-postgres"));

	/**
	 * The one peer from another namespace allowed to the services besides the ingress
	 * controller: Prometheus (namespace monitoring), on the inner services' http port and
	 * the gateway's management port only (the gateway's http port is the public API).
	 */
	static final String SCRAPER = "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}},"
			+ "\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"prometheus\"}}}";

	/**
	 * Workloads that call out of the cluster: the IdP, external token endpoints (the
	 * registry: its write tokens' issuer).
	 */
	static final Set<String> EXTERNAL = Set.of("auth-gateway", "token-broker", "integration-registry",
			"apicurio-registry");

	private NetworkChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		List<ObjectNode> policies = ofKind(objects, "NetworkPolicy");
		if (policies.stream().noneMatch(NetworkChecks::defaultDenyIngress)) {
			violations.add("no default-deny ingress NetworkPolicy (empty podSelector, no ingress rule)");
		}
		for (ObjectNode deployment : ofKind(objects, "Deployment")) {
			coverage(id(deployment), podLabels(deployment), policies, true, violations);
		}
		for (Map<String, String> stateful : OPERATOR_SERVICES.values()) {
			coverage("pods " + stateful, Kustomize.YAML.valueToTree(stateful), policies, false, violations);
		}
		outside(objects, policies, violations);
		CallGraph graph = CallGraph.of(objects, violations);
		for (String service : K8sObjects.SERVICES) {
			graph.check(service, policies, violations);
		}
		return violations;
	}

	private static boolean defaultDenyIngress(JsonNode policy) {
		JsonNode spec = policy.path("spec");
		return spec.path("podSelector").isEmpty()
				&& list(spec.path("policyTypes")).stream().anyMatch((type) -> "Ingress".equals(type.asText()))
				&& spec.path("ingress").isEmpty();
	}

	private static void coverage(String what, JsonNode podLabels, List<ObjectNode> policies, boolean egress,
			List<String> violations) {
		List<ObjectNode> own = policies.stream()
			.filter((policy) -> !policy.path("spec").path("podSelector").isEmpty())
			.filter((policy) -> selects(policy.path("spec").path("podSelector"), podLabels))
			.toList();
		if (own.stream().noneMatch((policy) -> types(policy).contains("Ingress"))) {
			violations.add(what + ": no NetworkPolicy of its own says who may reach it");
		}
		if (egress && own.stream().noneMatch((policy) -> types(policy).contains("Egress"))) {
			violations.add(what + ": no NetworkPolicy limits where it may connect");
		}
	}

	static Set<String> types(JsonNode policy) {
		Set<String> types = new TreeSet<>();
		policy.path("spec").path("policyTypes").forEach((type) -> types.add(type.asText()));
		return types;
	}

	/**
	 * Only the gateway from outside the namespace (and CloudNativePG's operator to its
	 * instances).
	 */
	private static void outside(List<ObjectNode> objects, List<ObjectNode> policies, List<String> violations) {
		JsonNode gateway = ofKind(objects, "Deployment").stream()
			.filter((deployment) -> "auth-gateway".equals(name(deployment)))
			.map(K8sObjects::podLabels)
			.findFirst()
			.orElse(Kustomize.YAML.createObjectNode());
		for (ObjectNode policy : policies) {
			JsonNode selector = policy.path("spec").path("podSelector");
			boolean gatewayOnly = selects(selector, gateway) && ofKind(objects, "Deployment").stream()
				.filter((deployment) -> !"auth-gateway".equals(name(deployment)))
				.noneMatch((deployment) -> selects(selector, podLabels(deployment)));
			boolean postgres = labels(selector.path("matchLabels"))
				.equals(OPERATOR_SERVICES.get("lanyard-postgres-rw"));
			for (JsonNode rule : policy.path("spec").path("ingress")) {
				if (rule.path("from").isEmpty()) {
					violations.add(id(policy) + ": an ingress rule without 'from' lets everyone in");
				}
				for (JsonNode peer : rule.path("from")) {
					boolean fromOutside = peer.has("namespaceSelector") || peer.has("ipBlock");
					boolean operator = postgres && "cnpg-system".equals(peer.path("namespaceSelector")
						.path("matchLabels")
						.path("kubernetes.io/metadata.name")
						.asText());
					String ports = rule.path("ports").toString();
					boolean scraper = SCRAPER.equals(peer.toString())
							&& (gatewayOnly ? "[{\"protocol\":\"TCP\",\"port\":\"management\"}]".equals(ports)
									: !selects(selector, gateway)
											&& "[{\"protocol\":\"TCP\",\"port\":\"http\"}]".equals(ports));
					if (SCRAPER.equals(peer.toString()) && !scraper) {
						violations.add(id(policy) + ": lets Prometheus reach " + ports
								+ "; only the inner services' http and auth-gateway's management port");
					}
					if (fromOutside && !gatewayOnly && !operator && !scraper) {
						violations.add(id(policy)
								+ ": lets in from outside the namespace; only auth-gateway may be reached so");
					}
				}
			}
		}
		for (ObjectNode service : ofKind(objects, "Service")) {
			String type = service.path("spec").path("type").asText("ClusterIP");
			if (!"ClusterIP".equals(type)) {
				violations.add(id(service) + ": type " + type + " reaches it from outside; only the Ingress may");
			}
		}
		for (ObjectNode ingress : ofKind(objects, "Ingress")) {
			ingress.findValues("service").forEach((backend) -> {
				if (!"auth-gateway".equals(backend.path("name").asText())) {
					violations.add(id(ingress) + ": routes to " + backend.path("name").asText()
							+ "; only auth-gateway is public");
				}
			});
		}
	}

}
