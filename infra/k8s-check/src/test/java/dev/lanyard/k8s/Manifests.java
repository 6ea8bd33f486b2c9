package dev.lanyard.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where infra/k8s is and what its overlays render to. */
final class Manifests {

	private Manifests() {
	}

	static Path directory() {
		Path directory = Path.of(System.getProperty("lanyard.k8s.dir", "../k8s")).toAbsolutePath().normalize();
		if (!Files.isDirectory(directory.resolve("base"))) {
			throw new IllegalStateException(
					"no infra/k8s/base under " + directory + " (system property lanyard.k8s.dir)");
		}
		return directory;
	}

	static List<Path> overlays() {
		try (var overlays = Files.list(directory().resolve("overlays"))) {
			return overlays.filter((path) -> Files.isRegularFile(path.resolve("kustomization.yaml"))).sorted().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static List<ObjectNode> production() {
		return Kustomize.render(directory().resolve("overlays/production"));
	}

}
