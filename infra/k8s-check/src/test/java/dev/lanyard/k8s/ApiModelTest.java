package dev.lanyard.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiModelTest {

	private static ObjectNode yaml(String text) throws Exception {
		return (ObjectNode) Kustomize.YAML.readTree(text);
	}

	@Test
	void violationsWhenObjectNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiModel.violations(null))
			.withMessage("object cannot be null");
	}

	@Test
	void violationsWhenValidConfigMapThenNone() throws Exception {
		assertThat(ApiModel.violations(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: v\n")))
			.isEmpty();
	}

	@Test
	void violationsWhenFieldMisplacedInMetadataThenNamesIt() throws Exception {
		// the mistake this module caught in base/common.yaml while it was written
		assertThat(ApiModel.violations(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  K: v\n")))
			.singleElement()
			.asString()
			.contains("The field `K` in the JSON string is not defined in the `V1ObjectMeta` properties");
	}

	@Test
	void violationsWhenProbeMisspelledThenNamesIt() throws Exception {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: d}
				spec:
				  selector: {matchLabels: {a: b}}
				  template:
				    metadata: {labels: {a: b}}
				    spec:
				      containers:
				        - name: c
				          image: i:1
				          readinesProbe: {httpGet: {path: /, port: 80}}
				""";
		assertThat(ApiModel.violations(yaml(deployment))).singleElement()
			.asString()
			.contains("The field `readinesProbe` in the JSON string is not defined in the `V1Container` properties");
	}

	@Test
	void violationsWhenRequiredFieldMissingThenNamesIt() throws Exception {
		assertThat(ApiModel.violations(yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
				+ "spec:\n  template:\n    spec:\n      containers: [{name: c, image: 'i:1'}]\n")))
			.singleElement()
			.asString()
			.contains("The required field `selector` is not found");
	}

	@Test
	void violationsWhenWrongTypeThenReported() throws Exception {
		assertThat(ApiModel
			.violations(yaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    port: 80\n")))
			.singleElement()
			.asString()
			// the generated validator reports this one as a failed cast to an array
			.contains("v1/Service s: ")
			.contains("JsonArray");
	}

	@Test
	void violationsWhenStrimziAclOperationUnknownThenReported() throws Exception {
		String user = """
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaUser
				metadata: {name: u}
				spec:
				  authentication: {type: scram-sha-512}
				  authorization:
				    type: simple
				    acls:
				      - resource: {type: topic, name: t, patternType: literal}
				        operations: [Produce]
				""";
		assertThat(ApiModel.violations(yaml(user))).singleElement().asString().contains("KafkaUser u");
	}

	@Test
	void violationsWhenKindHasNoModelThenReported() throws Exception {
		assertThat(ApiModel.violations(yaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"))).singleElement()
			.asString()
			.contains("no API model for v1/Secret");
	}

}
