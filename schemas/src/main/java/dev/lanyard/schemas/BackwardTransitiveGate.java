package dev.lanyard.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks that a schema can read data written with every earlier committed version of it
 * (Avro's own reader/writer check, applied as the registry's BACKWARD_TRANSITIVE rule).
 * Earlier versions live in {@code schemas/history/<Name>/v<N>.avsc}.
 */
public final class BackwardTransitiveGate {

	private final Path historyRoot;

	public BackwardTransitiveGate(Path historyRoot) {
		if (historyRoot == null) {
			throw new IllegalArgumentException("historyRoot cannot be null");
		}
		this.historyRoot = historyRoot;
	}

	/**
	 * Problems found; empty when {@code current} may replace every committed version of
	 * {@code name}.
	 */
	public List<String> check(String name, Schema current) {
		List<String> problems = new ArrayList<>();
		List<Path> versions = versionsOf(name);
		if (versions.isEmpty()) {
			problems.add(name + ": no committed version under " + this.historyRoot.resolve(name)
					+ "; copy the schema there as v1.avsc");
		}
		for (Path version : versions) {
			Schema writer = parse(version);
			var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getResult();
			if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
				problems.add(name + " cannot read data written with " + version.getFileName() + ": "
						+ result.getIncompatibilities()
							.stream()
							.map((i) -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
							.toList());
			}
		}
		return problems;
	}

	private List<Path> versionsOf(String name) {
		Path dir = this.historyRoot.resolve(name);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((p) -> p.getFileName().toString().matches("v\\d+\\.avsc")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema parse(Path file) {
		try {
			return new Schema.Parser().parse(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
