package dev.lanyard.k8s;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Checks objects against the API they are written for. Kubernetes' own kinds: the
 * official Kubernetes Java client's models, generated from the Kubernetes API's OpenAPI
 * document, each of which validates a JSON object for fields the API does not define,
 * fields it requires and value types. Strimzi's kinds: Strimzi's own API model (the
 * classes its CRDs are generated from), read strictly the way
 * {@code kubectl apply --validate=strict} does: a field the model does not know, a value
 * of the wrong type or an unknown enum value is a violation. Both are pinned in this
 * module's POM.
 */
final class ApiModel {

	private static final Map<String, Class<?>> KUBERNETES = Map.of("v1/ConfigMap", V1ConfigMap.class, "v1/Service",
			V1Service.class, "apps/v1/Deployment", V1Deployment.class, "policy/v1/PodDisruptionBudget",
			V1PodDisruptionBudget.class, "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
			"networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class, "networking.k8s.io/v1/Ingress",
			V1Ingress.class);

	private static final Map<String, Class<?>> STRIMZI = Map.ofEntries(
			Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
			Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
			Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
			Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
			// the Prometheus Operator's kinds (infra/k8s/monitoring), fabric8's model of
			// them
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
					io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule",
					io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

	private ApiModel() {
	}

	/** What is wrong with one object, each line naming the field; empty when nothing. */
	static List<String> violations(JsonNode object) {
		if (object == null) {
			throw new IllegalArgumentException("object cannot be null");
		}
		String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
		String name = type + " " + object.path("metadata").path("name").asText("(no name)");
		if (KUBERNETES.containsKey(type)) {
			return kubernetes(name, object, KUBERNETES.get(type));
		}
		Class<?> model = STRIMZI.get(type);
		if (model == null) {
			return List.of(name + ": no API model for " + type + " (add one to ApiModel, or use a served version)");
		}
		List<String> violations = new ArrayList<>();
		if (object.path("metadata").path("name").asText("").isEmpty()) {
			violations.add(name + ": metadata.name is required");
		}
		try {
			ObjectMapper mapper = strictMapper(name, violations);
			Object typed = mapper.treeToValue(object, model);
			ObjectNode body = object.deepCopy();
			// checked above by the choice of model; some models write back their storage
			// version
			body.remove(List.of("apiVersion", "kind"));
			lost(name, "", body, mapper.valueToTree(typed), violations);
		}
		catch (IOException | IllegalArgumentException ex) {
			violations.add(name + ": " + ex.getMessage().lines().findFirst().orElse(""));
		}
		return violations;
	}

	private static List<String> kubernetes(String name, JsonNode object, Class<?> model) {
		try {
			model.getMethod("validateJsonElement", JsonElement.class)
				.invoke(null, com.google.gson.JsonParser.parseString(object.toString()));
			return List.of();
		}
		catch (InvocationTargetException ex) {
			// the model's message ends with the offending JSON: the field and type say
			// enough
			String message = String.valueOf(ex.getCause().getMessage());
			int json = message.indexOf(" JSON:");
			return List.of(name + ": " + ((json >= 0) ? message.substring(0, json) : message));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(model + " has no validateJsonElement", ex);
		}
	}

	/**
	 * Values the model read but cannot give back: Strimzi reads an unknown enum constant
	 * (an ACL operation "Produce") as null instead of failing. A field missing from what
	 * the model writes back is fine (models leave out defaults); an element missing from
	 * a list, or a value that came back different, is not. Fields already reported as
	 * unknown are not reported twice.
	 */
	private static void lost(String name, String path, JsonNode written, JsonNode read, List<String> violations) {
		if (violations.stream().anyMatch((violation) -> violation.contains("unknown field " + path))) {
			return;
		}
		if (written.isObject()) {
			written.fields()
				.forEachRemaining((field) -> lost(name, path + "/" + field.getKey(), field.getValue(),
						read.path(field.getKey()), violations));
		}
		else if (written.isArray()) {
			for (int i = 0; i < written.size(); i++) {
				JsonNode element = read.path(i);
				if (element.isMissingNode() || element.isNull()) {
					violations.add(name + ": " + path + "/" + i + " = '" + written.get(i).asText()
							+ "' is not a value the model accepts");
				}
				else {
					lost(name, path + "/" + i, written.get(i), element, violations);
				}
			}
		}
		else if (!written.isNull() && !read.isMissingNode() && !written.asText().equals(read.asText())) {
			violations.add(name + ": " + path + " = '" + written.asText()
					+ "' is not a value the model accepts (read as '" + read.asText() + "')");
		}
	}

	private static ObjectMapper strictMapper(String name, List<String> violations) {
		ObjectMapper mapper = new ObjectMapper();
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				// the models' catch-all for unknown fields: off, so they are reported
				return Boolean.FALSE;
			}

		});
		mapper.addHandler(new DeserializationProblemHandler() {

			@Override
			public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
					JsonDeserializer<?> deserializer, Object bean, String property) throws IOException {
				violations.add(name + ": unknown field " + parser.getParsingContext().pathAsPointer() + " (in "
						+ ((bean instanceof Class<?> type) ? type : bean.getClass()).getSimpleName() + ")");
				parser.skipChildren();
				return true;
			}

		});
		return mapper;
	}

}
