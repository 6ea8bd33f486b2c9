package dev.lanyard.testing.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that {@code infra/k8s/monitoring/} (alert rules, Grafana dashboard)
 * refer to, and the names a service's {@code /actuator/prometheus} answer holds, so a
 * test can check that every alert and panel has a series to read.
 */
public final class MonitoredMetrics {

	/** Lanyard's own metrics and the client libraries' it binds. */
	private static final Pattern REFERENCED = Pattern.compile("\\b((?:lanyard|kafka|resilience4j)_[a-z0-9_]+)\\b");

	private static final Pattern EXPOSED = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

	private MonitoredMetrics() {
	}

	/** The monitoring folder of the checkout ({@code lanyard.root}, set by Failsafe). */
	public static Path folder() {
		return Path.of(System.getProperty("lanyard.root", "../..")).resolve("infra/k8s/monitoring");
	}

	/** Every metric name the monitoring files refer to. */
	public static Set<String> referenced(Path folder) {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
				.toList()) {
				Matcher matcher = REFERENCED.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	/** Every series name in a Prometheus text exposition. */
	public static Set<String> exposed(String exposition) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = EXPOSED.matcher(exposition);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
