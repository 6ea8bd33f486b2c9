package dev.lanyard.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KustomizeTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: d}
			spec:
			  selector: {matchLabels: {a: b}}
			  template:
			    metadata: {labels: {a: b}}
			    spec:
			      containers:
			        - {name: c, image: lanyard/audit:0.1.0}
			""";

	@TempDir
	Path directory;

	private void write(String file, String text) throws Exception {
		Files.createDirectories(this.directory.resolve(file).getParent());
		Files.writeString(this.directory.resolve(file), text);
	}

	@Test
	void renderWhenDirectoryNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Kustomize.render(null))
			.withMessage("directory cannot be null");
	}

	@Test
	void renderWhenOverlayThenNamespaceImagesAndPatchesApplied() throws Exception {
		write("base/kustomization.yaml", "resources: [d.yaml]\n");
		write("base/d.yaml", DEPLOYMENT);
		write("overlay/kustomization.yaml", """
				namespace: n
				resources: [../base]
				images:
				  - {name: lanyard/audit, newName: r.example/audit, newTag: '1.2'}
				patches:
				  - {path: p.yaml, target: {kind: Deployment, name: d}}
				""");
		write("overlay/p.yaml", "- {op: add, path: /spec/replicas, value: 3}\n");
		ObjectNode rendered = Kustomize.render(this.directory.resolve("overlay")).getFirst();
		assertThat(rendered.at("/metadata/namespace").asText()).isEqualTo("n");
		assertThat(rendered.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("r.example/audit:1.2");
		assertThat(rendered.at("/spec/replicas").asInt()).isEqualTo(3);
	}

	@Test
	void renderWhenFieldNotSupportedThenThrowsNamingIt() throws Exception {
		write("k/kustomization.yaml", "resources: []\ncommonLabels: {a: b}\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Kustomize.render(this.directory.resolve("k")))
			.withMessageContaining("field 'commonLabels' is not supported");
	}

	@Test
	void renderWhenPatchTargetsNothingThenThrows() throws Exception {
		write("k/kustomization.yaml",
				"resources: [d.yaml]\npatches:\n  - {path: p.yaml, target: {kind: Deployment, name: x}}\n");
		write("k/d.yaml", DEPLOYMENT);
		write("k/p.yaml", "- {op: add, path: /spec/replicas, value: 3}\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Kustomize.render(this.directory.resolve("k")))
			.withMessageContaining("no object matches the patch target");
	}

	@Test
	void renderWhenReplacedPathMissingThenThrows() throws Exception {
		write("k/kustomization.yaml",
				"resources: [d.yaml]\npatches:\n  - {path: p.yaml, target: {kind: Deployment, name: d}}\n");
		write("k/d.yaml", DEPLOYMENT);
		write("k/p.yaml", "- {op: replace, path: /spec/replicas, value: 3}\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Kustomize.render(this.directory.resolve("k")))
			.withMessageContaining("patch path /spec/replicas does not exist");
	}

	@Test
	void renderWhenBrokenManifestOnDiskThenApiModelReportsIt() throws Exception {
		write("k/kustomization.yaml", "resources: [c.yaml]\n");
		write("k/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  LANYARD_PUBLIC_URL: https://x\n");
		List<ObjectNode> objects = Kustomize.render(this.directory.resolve("k"));
		assertThat(ApiModel.violations(objects.getFirst())).singleElement()
			.asString()
			.contains(
					"The field `LANYARD_PUBLIC_URL` in the JSON string is not defined in the `V1ObjectMeta` properties");
	}

}
