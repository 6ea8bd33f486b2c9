package dev.lanyard.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/k8s/monitoring: its resources (read directly: its configMapGenerator is beyond
 * the Kustomize subset {@link Kustomize} renders) are valid Prometheus Operator objects,
 * and each ServiceMonitor scrapes Services and ports the production overlay has.
 */
class MonitoringTest {

	@Test
	void resourcesWhenReadThenEachMatchesItsApiModel() throws IOException {
		List<ObjectNode> objects = monitoring();
		assertThat(objects).extracting((object) -> object.path("kind").asText())
			.contains("ServiceMonitor", "PrometheusRule");
		assertThat(objects).flatExtracting(ApiModel::violations).isEmpty();
	}

	@Test
	void violationsWhenServiceMonitorHasUnknownFieldThenNamesIt() throws IOException {
		ObjectNode monitor = monitoring().getFirst().deepCopy();
		((ObjectNode) monitor.path("spec").path("endpoints").get(0)).put("scrapePath", "/metrics");
		assertThat(ApiModel.violations(monitor)).anyMatch((violation) -> violation.contains("scrapePath"));
	}

	@Test
	void unscrapedWhenEachServiceMonitorThenNone() throws IOException {
		assertThat(unscraped(monitoring(), Manifests.production())).isEmpty();
	}

	@Test
	void unscrapedWhenServiceMonitorNamesAPortNoServiceHasThenNamesIt() throws IOException {
		List<ObjectNode> monitors = monitoring();
		ObjectNode gateway = monitors.stream()
			.filter((object) -> "lanyard-auth-gateway".equals(K8sObjects.name(object)))
			.findFirst()
			.orElseThrow();
		((ObjectNode) gateway.path("spec").path("endpoints").get(0)).put("port", "metrics");
		assertThat(unscraped(monitors, Manifests.production()))
			.containsExactly("ServiceMonitor/lanyard-auth-gateway: Service auth-gateway has no port metrics");
	}

	/** What a ServiceMonitor asks for that the rendered Services do not offer. */
	static List<String> unscraped(List<ObjectNode> monitoring, List<ObjectNode> rendered) {
		List<String> violations = new ArrayList<>();
		for (ObjectNode monitor : K8sObjects.ofKind(monitoring, "ServiceMonitor")) {
			String id = K8sObjects.id(monitor);
			List<ObjectNode> services = K8sObjects.ofKind(rendered, "Service")
				.stream()
				.filter((service) -> K8sObjects.selects(monitor.path("spec").path("selector"),
						service.path("metadata").path("labels")))
				.toList();
			if (services.isEmpty()) {
				violations.add(id + ": selects no Service");
			}
			for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
				String port = endpoint.path("port").asText();
				for (ObjectNode service : services) {
					if (K8sObjects.list(service.path("spec").path("ports"))
						.stream()
						.noneMatch((declared) -> port.equals(declared.path("name").asText()))) {
						violations.add(id + ": Service " + K8sObjects.name(service) + " has no port " + port);
					}
				}
			}
		}
		return violations;
	}

	private static List<ObjectNode> monitoring() throws IOException {
		Path directory = Manifests.directory().resolve("monitoring");
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode resource : Kustomize.YAML.readTree(directory.resolve("kustomization.yaml").toFile())
			.path("resources")) {
			try (MappingIterator<ObjectNode> documents = Kustomize.YAML.readerFor(ObjectNode.class)
				.readValues(directory.resolve(resource.asText()).toFile())) {
				documents.readAll().stream().filter((document) -> document != null).forEach(objects::add);
			}
		}
		return objects;
	}

}
