package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topics;

import static dev.lanyard.k8s.K8sObjects.id;
import static dev.lanyard.k8s.K8sObjects.name;
import static dev.lanyard.k8s.K8sObjects.ofKind;

/**
 * The Strimzi resources: three KRaft nodes that are controllers and brokers, durable
 * topic settings, a KafkaTopic for exactly the topics of {@link Topics} (and the
 * dead-letter topic), and a SCRAM KafkaUser per service whose ACLs are exactly
 * {@link KafkaUserAcls#of} the service's platform {@link KafkaAccesses} entry (as the
 * launcher and compose grant them), its Secret used by the service's Deployment.
 */
final class KafkaChecks {

	private KafkaChecks() {
	}

	static List<String> check(List<ObjectNode> objects) {
		List<String> violations = new ArrayList<>();
		cluster(objects, violations);
		topics(objects, violations);
		KafkaUserAcls.ownerless(Topics.ALL, KafkaAccesses.ALL)
			.forEach((topic) -> violations.add("topic " + topic + " has no producer in KafkaAccesses"));
		Map<String, ObjectNode> users = ofKind(objects, "KafkaUser").stream()
			.collect(Collectors.toMap(K8sObjects::name, (user) -> user));
		for (String service : K8sObjects.SERVICES) {
			ObjectNode user = users.get(service);
			if (user == null) {
				violations.add("no KafkaUser " + service);
				continue;
			}
			if (!"scram-sha-512".equals(user.path("spec").path("authentication").path("type").asText())) {
				violations.add(id(user) + ": authentication is not scram-sha-512");
			}
			Set<String> actual = acls(user);
			Set<String> expected = KafkaUserAcls.of(KafkaAccesses.of(service));
			if (!actual.equals(expected)) {
				Set<String> extra = new TreeSet<>(actual);
				extra.removeAll(expected);
				Set<String> missing = new TreeSet<>(expected);
				missing.removeAll(actual);
				violations.add(id(user) + ": ACLs beyond what it produces/consumes " + extra + ", missing " + missing);
			}
			jaasFromOwnUser(objects, service, violations);
		}
		return violations;
	}

	private static void cluster(List<ObjectNode> objects, List<String> violations) {
		List<ObjectNode> kafkas = ofKind(objects, "Kafka");
		if (kafkas.size() != 1) {
			violations.add("expected one Kafka, found " + kafkas.size());
			return;
		}
		JsonNode kafka = kafkas.getFirst().path("spec").path("kafka");
		JsonNode config = kafka.path("config");
		require(config.path("default.replication.factor").asInt() == 3, "Kafka: default.replication.factor is not 3",
				violations);
		require(config.path("min.insync.replicas").asInt() == 2, "Kafka: min.insync.replicas is not 2", violations);
		require(!config.path("auto.create.topics.enable").asBoolean(true), "Kafka: auto.create.topics.enable not false",
				violations);
		require("simple".equals(kafka.path("authorization").path("type").asText()), "Kafka: no ACL authorization",
				violations);
		for (JsonNode listener : kafka.path("listeners")) {
			peers(listener, objects, violations);
			require("scram-sha-512".equals(listener.path("authentication").path("type").asText())
					&& listener.path("tls").asBoolean(false),
					"Kafka listener " + listener.path("name").asText() + ": not TLS with SCRAM-SHA-512", violations);
		}
		int controllers = 0;
		int brokers = 0;
		for (ObjectNode pool : ofKind(objects, "KafkaNodePool")) {
			Set<String> roles = new TreeSet<>();
			pool.path("spec").path("roles").forEach((role) -> roles.add(role.asText()));
			int replicas = pool.path("spec").path("replicas").asInt();
			controllers += roles.contains("controller") ? replicas : 0;
			brokers += roles.contains("broker") ? replicas : 0;
		}
		require(controllers == 3 && brokers == 3,
				"Kafka: expected three KRaft controllers and three brokers, found " + controllers + " and " + brokers,
				violations);
	}

	/**
	 * Strimzi writes the listener's NetworkPolicy from its peers: exactly the five
	 * services may connect.
	 */
	private static void peers(JsonNode listener, List<ObjectNode> objects, List<String> violations) {
		Set<String> peers = new TreeSet<>();
		for (JsonNode peer : listener.path("networkPolicyPeers")) {
			ofKind(objects, "Deployment").stream()
				.filter((deployment) -> peer.size() == 1
						&& K8sObjects.selects(peer.path("podSelector"), K8sObjects.podLabels(deployment)))
				.forEach((deployment) -> peers.add(name(deployment)));
			if (peer.size() != 1 || !peer.has("podSelector")) {
				violations.add("Kafka listener " + listener.path("name").asText() + ": peer " + peer
						+ " is not a pod selector in this namespace");
			}
		}
		if (!peers.equals(new TreeSet<>(K8sObjects.SERVICES))) {
			violations.add("Kafka listener " + listener.path("name").asText() + ": reachable from " + peers
					+ ", not exactly " + K8sObjects.SERVICES);
		}
	}

	private static void topics(List<ObjectNode> objects, List<String> violations) {
		Map<String, Boolean> expected = new java.util.TreeMap<>();
		Map<String, Map<String, String>> configs = new java.util.TreeMap<>();
		Topics.ALL.forEach((topic) -> expected.put(topic.name(), topic.compacted()));
		Topics.ALL.forEach((topic) -> configs.put(topic.name(), topic.configs()));
		expected.put(Topics.DEAD_LETTER, false);
		Set<String> declared = new TreeSet<>();
		for (ObjectNode topic : ofKind(objects, "KafkaTopic")) {
			String name = topic.path("spec").path("topicName").asText(name(topic));
			declared.add(name);
			JsonNode spec = topic.path("spec");
			require(spec.path("replicas").asInt() == 3, id(topic) + ": replicas is not 3", violations);
			require(spec.path("config").path("min.insync.replicas").asInt() == 2,
					id(topic) + ": min.insync.replicas is not 2", violations);
			boolean compacted = spec.path("config").path("cleanup.policy").asText("delete").contains("compact");
			if (expected.containsKey(name) && expected.get(name) != compacted) {
				violations.add(id(topic) + ": compacted=" + compacted + " but Topics says " + expected.get(name));
			}
			// every setting Topic.configs() gives, e.g. the compaction lag that keeps
			// records audit has not read yet
			configs.getOrDefault(name, Map.of()).forEach((key, value) -> {
				String declaredValue = spec.path("config").path(key).asText(null);
				if (!value.equals(declaredValue)) {
					violations.add(id(topic) + ": " + key + " is " + declaredValue + ", not " + value
							+ " as Topic.configs() says");
				}
			});
		}
		if (!declared.equals(expected.keySet())) {
			Set<String> missing = new TreeSet<>(expected.keySet());
			missing.removeAll(declared);
			Set<String> extra = new TreeSet<>(declared);
			extra.removeAll(expected.keySet());
			violations.add("KafkaTopics differ from platform Topics: missing " + missing + ", not in Topics " + extra);
		}
	}

	static Set<String> acls(JsonNode user) {
		Set<String> acls = new TreeSet<>();
		for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
			JsonNode resource = acl.path("resource");
			String prefix = resource.path("type").asText() + ":" + resource.path("patternType").asText("literal") + ":"
					+ resource.path("name").asText();
			acl.path("operations").forEach((operation) -> acls.add(prefix + ":" + operation.asText()));
		}
		return acls;
	}

	/**
	 * A service signs in to Kafka as its own KafkaUser (the Secret Strimzi writes for
	 * it).
	 */
	private static void jaasFromOwnUser(List<ObjectNode> objects, String service, List<String> violations) {
		ofKind(objects, "Deployment").stream()
			.filter((deployment) -> service.equals(name(deployment)))
			.forEach((deployment) -> {
				boolean own = K8sObjects.containers(deployment)
					.stream()
					.flatMap((container) -> K8sObjects.list(container.path("env")).stream())
					.anyMatch((variable) -> "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"
						.equals(variable.path("name").asText())
							&& service.equals(variable.path("valueFrom").path("secretKeyRef").path("name").asText()));
				require(own, id(deployment) + ": does not sign in to Kafka as KafkaUser " + service, violations);
			});
	}

	private static void require(boolean condition, String violation, List<String> violations) {
		if (!condition) {
			violations.add(violation);
		}
	}

}
