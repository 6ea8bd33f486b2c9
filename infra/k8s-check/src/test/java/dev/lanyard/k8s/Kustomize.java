package dev.lanyard.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the subset of
 * Kustomize that infra/k8s uses: {@code resources} (files and directories),
 * {@code namespace}, {@code images} and {@code patches} (JSON 6902 with a target by kind
 * and name). Any other field stops the rendering, so a kustomization this class does not
 * understand can never pass the checks by being half-read. ManifestsTest compares the
 * result with {@code kubectl kustomize} wherever kubectl is installed.
 */
final class Kustomize {

	static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
			"patches");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

	private Kustomize() {
	}

	/** The objects a kustomization directory renders to. */
	static List<ObjectNode> render(Path directory) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		Path file = directory.resolve("kustomization.yaml");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(directory + " has no kustomization.yaml");
		}
		JsonNode kustomization = readAll(file).getFirst();
		for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!SUPPORTED.contains(name)) {
				throw new IllegalArgumentException(file + ": field '" + name + "' is not supported by this renderer");
			}
		}
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = directory.resolve(resource.asText()).normalize();
			if (Files.isDirectory(path)) {
				objects.addAll(render(path));
			}
			else {
				objects.addAll(readAll(path));
			}
		}
		for (JsonNode patch : kustomization.path("patches")) {
			applyPatch(directory, patch, objects);
		}
		String namespace = kustomization.path("namespace").asText(null);
		if (namespace != null) {
			objects.stream()
				.filter((object) -> !CLUSTER_SCOPED.contains(object.path("kind").asText()))
				.forEach((object) -> ((ObjectNode) object.get("metadata")).put("namespace", namespace));
		}
		for (JsonNode image : kustomization.path("images")) {
			objects.forEach((object) -> Images.replace(object, image));
		}
		return objects;
	}

	static List<ObjectNode> readAll(Path file) {
		List<ObjectNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
			while (iterator.hasNext()) {
				JsonNode document = iterator.next();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					if (!document.isObject()) {
						throw new IllegalArgumentException(file + ": a document is not an object");
					}
					documents.add((ObjectNode) document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + " cannot be read", ex);
		}
		return documents;
	}

	private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> objects) {
		JsonNode target = patch.path("target");
		if (!patch.has("path") || !target.isObject()) {
			throw new IllegalArgumentException(directory + ": a patch needs a path and a target (JSON 6902 only)");
		}
		for (Iterator<String> names = target.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!Set.of("kind", "name").contains(name)) {
				throw new IllegalArgumentException(directory + ": patch target field '" + name + "' is not supported");
			}
		}
		Path file = directory.resolve(patch.get("path").asText());
		JsonNode operations;
		try {
			operations = YAML.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + " cannot be read", ex);
		}
		if (!(operations instanceof ArrayNode)) {
			throw new IllegalArgumentException(file + ": only JSON 6902 patches (a list of operations) are supported");
		}
		List<ObjectNode> targets = objects.stream()
			.filter((object) -> object.path("kind").asText().equals(target.path("kind").asText()))
			.filter((object) -> object.path("metadata").path("name").asText().equals(target.path("name").asText()))
			.toList();
		if (targets.isEmpty()) {
			throw new IllegalArgumentException(file + ": no object matches the patch target " + target);
		}
		targets.forEach((object) -> JsonPatch.apply(object, (ArrayNode) operations));
	}

}
