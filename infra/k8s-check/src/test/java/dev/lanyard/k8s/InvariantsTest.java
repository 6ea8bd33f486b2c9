package dev.lanyard.k8s;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each invariant fails on a manifest broken the way it guards against: the production
 * overlay, rendered, with one JSON patch applied to one object.
 */
class InvariantsTest {

	static Stream<Arguments> brokenManifests() {
		String container = "/spec/template/spec/containers/0";
		return Stream.of(
				arguments("Deployment", "token-broker", "[{op: remove, path: " + container + "/readinessProbe}]",
						"container token-broker: no readinessProbe"),
				arguments("Deployment", "audit",
						"[{op: replace, path: " + container + "/livenessProbe/httpGet/path, value: /actuator/health}]",
						"livenessProbe asks /actuator/health, not the health group"),
				arguments("Deployment", "audit",
						"[{op: replace, path: " + container + "/image, value: 'lanyard/audit:latest'}]",
						"has no fixed tag or digest"),
				arguments("Deployment", "audit", "[{op: replace, path: " + container + "/image, value: lanyard/audit}]",
						"has no fixed tag or digest"),
				arguments("Deployment", "user-provisioning",
						"[{op: replace, path: " + container + "/securityContext/readOnlyRootFilesystem, value: false}]",
						"root filesystem not read-only"),
				arguments("Deployment", "user-provisioning",
						"[{op: remove, path: /spec/template/spec/securityContext/runAsNonRoot}]", "may run as root"),
				arguments("Deployment", "integration-registry",
						"[{op: remove, path: " + container + "/resources/limits}]", "no memory limits"),
				arguments("PodDisruptionBudget", "audit",
						"[{op: replace, path: /spec/selector/matchLabels, value: {x: y}}]",
						"Deployment/audit: no PodDisruptionBudget"),
				arguments("HorizontalPodAutoscaler", "token-broker",
						"[{op: replace, path: /spec/scaleTargetRef/name, value: nothing}]",
						"Deployment/token-broker: stateless, but no HorizontalPodAutoscaler"),
				arguments("Deployment", "token-broker", "[{op: add, path: /spec/replicas, value: 3}]",
						"Deployment/token-broker: autoscaled, yet sets replicas"),
				arguments("Deployment", "auth-gateway",
						"[{op: replace, path: " + container + "/readinessProbe/httpGet/port, value: http}]",
						"readinessProbe targets http, but health is on the management port"),
				arguments("Deployment", "audit",
						"[{op: replace, path: " + container + "/livenessProbe/httpGet/port, value: metrics}]",
						"livenessProbe targets port metrics, which the container does not declare"),
				arguments("ConfigMap", "auth-gateway", "[{op: remove, path: /data/MANAGEMENT_SERVER_ADDRESS}]",
						"MANAGEMENT_SERVER_PORT without MANAGEMENT_SERVER_ADDRESS"),
				arguments("Service", "auth-gateway", "[{op: remove, path: /spec/ports/1}]",
						"Deployment/auth-gateway: no Service port management"),
				arguments("Ingress", "lanyard",
						"[{op: replace, path: /spec/rules/0/http/paths/0/backend/service/port/name, value: management}]",
						"Ingress/lanyard: routes to the management port of auth-gateway"),
				arguments("NetworkPolicy", "allow-prometheus-scrape",
						"[{op: add, path: /spec/podSelector/matchExpressions/0/values/-, value: auth-gateway}]",
						"NetworkPolicy/allow-prometheus-scrape: lets Prometheus reach"),
				arguments("NetworkPolicy", "allow-prometheus-scrape-gateway",
						"[{op: replace, path: /spec/ingress/0/ports/0/port, value: http}]",
						"NetworkPolicy/allow-prometheus-scrape-gateway: lets Prometheus reach"),
				arguments("ConfigMap", "apicurio-registry", "[{op: remove, path: /data/QUARKUS_OIDC_TENANT_ENABLED}]",
						"QUARKUS_OIDC_TENANT_ENABLED is not true, so the registry takes writes without a token"),
				arguments("ConfigMap", "apicurio-registry",
						"[{op: replace, path: /data/APICURIO_AUTH_ANONYMOUS_READ_ACCESS_ENABLED, value: 'false'}]",
						"APICURIO_AUTH_ANONYMOUS_READ_ACCESS_ENABLED is not true"),
				arguments("ConfigMap", "audit", "[{op: add, path: /data/SPRING_DATASOURCE_PASSWORD, value: hunter2}]",
						"SPRING_DATASOURCE_PASSWORD: named like a secret"),
				arguments("ConfigMap", "lanyard-common",
						"[{op: add, path: /data/EXTRA, value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";'}]",
						"EXTRA: the value looks like a secret"),
				arguments("Deployment", "token-broker",
						"[{op: add, path: " + container
								+ "/env/-, value: {name: LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY, value: abc}}]",
						"env LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY: named like a secret"),
				arguments("NetworkPolicy", "default-deny-ingress",
						"[{op: replace, path: /spec/podSelector, value: {matchLabels: {a: b}}}]",
						"no default-deny ingress"),
				arguments("NetworkPolicy", "audit",
						"[{op: replace, path: /spec/podSelector/matchLabels, value: {x: y}}]",
						"audit: egress allows [] that its settings do not use, and lacks [{app.kubernetes.io/name=apicurio-registry}"),
				arguments("NetworkPolicy", "postgres",
						"[{op: replace, path: /spec/podSelector/matchLabels, value: {x: y}}]",
						"pods {cnpg.io/cluster=lanyard-postgres}: no NetworkPolicy"),
				arguments("NetworkPolicy", "audit",
						"[{op: add, path: /spec/egress/-, value: {to: [{podSelector: {matchLabels: {app.kubernetes.io/name: user-provisioning}}}], ports: [{protocol: TCP, port: 8084}]}}]",
						"audit: egress allows [{app.kubernetes.io/name=user-provisioning} TCP/8084]"),
				arguments("NetworkPolicy", "audit",
						"[{op: add, path: /spec/egress/-, value: {to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{protocol: TCP, port: 443}]}}]",
						"audit: egress to addresses"),
				arguments("NetworkPolicy", "token-broker",
						"[{op: add, path: /spec/ingress/-, value: {from: [{ipBlock: {cidr: 0.0.0.0/0}}]}}]",
						"NetworkPolicy/token-broker: lets in from outside the namespace"),
				arguments("NetworkPolicy", "allow-prometheus-scrape",
						"[{op: replace, path: /spec/ingress/0/ports/0/port, value: 5432}]",
						"NetworkPolicy/allow-prometheus-scrape: lets in from outside the namespace"),
				arguments("NetworkPolicy", "allow-prometheus-scrape",
						"[{op: remove, path: /spec/ingress/0/from/0/podSelector}]",
						"NetworkPolicy/allow-prometheus-scrape: lets in from outside the namespace"),
				arguments("NetworkPolicy", "integration-registry",
						"[{op: add, path: /spec/ingress/-, value: {from: [{podSelector: {matchLabels: {app.kubernetes.io/name: audit}}}]}}]",
						"integration-registry: reachable from [audit, auth-gateway, token-broker], but only [auth-gateway, token-broker]"),
				arguments("ConfigMap", "audit",
						"[{op: add, path: /data/LANYARD_AUDIT_EXTRA_URL, value: 'http://user-provisioning:8084'}]",
						"audit: egress allows [] that its settings do not use, and lacks [{app.kubernetes.io/name=user-provisioning} TCP/8084]"),
				arguments("Service", "audit", "[{op: add, path: /spec/type, value: LoadBalancer}]",
						"Service/audit: type LoadBalancer"),
				arguments("Ingress", "lanyard",
						"[{op: replace, path: /spec/rules/0/http/paths/0/backend/service/name, value: audit}]",
						"routes to audit; only auth-gateway is public"),
				arguments("KafkaTopic", "lanyard.identity.user-changed.v1",
						"[{op: replace, path: /spec/config/cleanup.policy, value: delete}]",
						"compacted=false but Topics says true"),
				arguments("KafkaTopic", "lanyard.identity.user-changed.v1",
						"[{op: remove, path: /spec/config/min.compaction.lag.ms}]",
						"min.compaction.lag.ms is null, not 604800000 as Topic.configs() says"),
				arguments("KafkaTopic", "lanyard.credentials.token-issued.v1",
						"[{op: replace, path: /spec/config/min.insync.replicas, value: 1}]",
						"min.insync.replicas is not 2"),
				arguments("KafkaTopic", "lanyard.credentials.token-issued.v1",
						"[{op: replace, path: /metadata/name, value: lanyard.credentials.token-isued.v1}]",
						"missing [lanyard.credentials.token-issued.v1], not in Topics [lanyard.credentials.token-isued.v1]"),
				arguments("KafkaUser", "auth-gateway",
						"[{op: add, path: /spec/authorization/acls/-, value: {resource: {type: topic, name: lanyard.identity.user-changed.v1, patternType: literal}, operations: [Write]}}]",
						"KafkaUser/auth-gateway: ACLs beyond what it produces/consumes [topic:literal:lanyard.identity.user-changed.v1:Write]"),
				arguments("KafkaUser", "token-broker", "[{op: remove, path: /spec/authorization/acls/0}]",
						"KafkaUser/token-broker: ACLs beyond what it produces/consumes [], missing"),
				arguments("KafkaUser", "audit", "[{op: replace, path: /spec/authentication/type, value: tls}]",
						"authentication is not scram-sha-512"),
				arguments("Deployment", "audit",
						"[{op: replace, path: " + container
								+ "/env/3/valueFrom/secretKeyRef/name, value: token-broker}]",
						"Deployment/audit: does not sign in to Kafka as KafkaUser audit"),
				arguments("KafkaNodePool", "dual-role", "[{op: replace, path: /spec/replicas, value: 1}]",
						"three KRaft controllers and three brokers, found 1 and 1"),
				arguments("Kafka", "lanyard", "[{op: remove, path: /spec/kafka/authorization}]",
						"Kafka: no ACL authorization"),
				arguments("Kafka", "lanyard",
						"[{op: add, path: /spec/kafka/listeners/0/networkPolicyPeers/0/podSelector/matchExpressions/0/values/-, value: apicurio-registry}]",
						"Kafka listener scram: reachable from [apicurio-registry, audit"),
				arguments("Kafka", "lanyard",
						"[{op: add, path: /spec/kafka/listeners/0/networkPolicyPeers/-, value: {namespaceSelector: {}}}]",
						"is not a pod selector in this namespace"));
	}

	@ParameterizedTest(name = "{0} {1}: {3}")
	@MethodSource("brokenManifests")
	void checkWhenManifestBrokenThenViolationNamesIt(String kind, String name, String patch, String violation)
			throws Exception {
		List<ObjectNode> objects = Manifests.production();
		ObjectNode target = objects.stream()
			.filter((object) -> kind.equals(object.path("kind").asText()) && name.equals(K8sObjects.name(object)))
			.findFirst()
			.orElseThrow();
		JsonPatch.apply(target, (ArrayNode) Kustomize.YAML.readTree(patch));
		assertThat(Invariants.check(objects)).anyMatch((actual) -> actual.contains(violation));
	}

	@Test
	void checkWhenSecretObjectInManifestsThenViolation() throws Exception {
		List<ObjectNode> objects = new java.util.ArrayList<>(Manifests.production());
		objects.add((ObjectNode) Kustomize.YAML
			.readTree("{apiVersion: v1, kind: Secret, metadata: {name: token-broker-kek}, stringData: {key: abc}}"));
		assertThat(Invariants.check(objects)).contains(
				"Secret/token-broker-kek: a Secret in the manifests puts its value in git; create it at deploy time");
	}

	@Test
	void checkWhenDeploymentMissingThenViolation() {
		List<ObjectNode> objects = Manifests.production()
			.stream()
			.filter((object) -> !"user-provisioning".equals(K8sObjects.name(object))
					|| !"Deployment".equals(object.path("kind").asText()))
			.toList();
		assertThat(Invariants.check(objects)).contains("no Deployment for user-provisioning");
	}

	@Test
	void checkWhenObjectsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Invariants.check(null))
			.withMessage("objects cannot be null");
	}

}
