package dev.lanyard.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every overlay of infra/k8s renders, matches the API models and keeps the invariants.
 */
class ManifestsTest {

	@Test
	void renderWhenEachOverlayThenEveryObjectMatchesItsApiModel() {
		assertThat(Manifests.overlays()).isNotEmpty();
		for (Path overlay : Manifests.overlays()) {
			List<ObjectNode> objects = Kustomize.render(overlay);
			List<String> violations = new ArrayList<>();
			objects.forEach((object) -> violations.addAll(ApiModel.violations(object)));
			assertThat(violations).as(overlay.toString()).isEmpty();
			assertThat(objects).as(overlay.toString()).hasSizeGreaterThan(50);
		}
	}

	@Test
	void invariantsWhenEachOverlayThenNoViolation() {
		for (Path overlay : Manifests.overlays()) {
			assertThat(Invariants.check(Kustomize.render(overlay))).as(overlay.toString()).isEmpty();
		}
	}

	@Test
	void renderWhenKubectlInstalledThenSameObjectsAsKubectlKustomize() throws Exception {
		assumeTrue(onPath("kubectl"), "kubectl is not installed: the renderer is not compared with kubectl kustomize");
		for (Path overlay : Manifests.overlays()) {
			Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false)
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue())
				.as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
				.isZero();
			Path rendered = Files.createTempFile("kustomize", ".yaml");
			try {
				Files.write(rendered, output);
				assertThat(asSet(Kustomize.readAll(rendered))).as(overlay.toString())
					.isEqualTo(asSet(Kustomize.render(overlay)));
			}
			finally {
				Files.delete(rendered);
			}
		}
	}

	private static Set<JsonNode> asSet(List<ObjectNode> objects) {
		return new HashSet<>(objects);
	}

	private static boolean onPath(String command) throws IOException {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, command))) {
				return true;
			}
		}
		return false;
	}

}
