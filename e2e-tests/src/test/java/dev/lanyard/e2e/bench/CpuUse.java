package dev.lanyard.e2e.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lanyard.launcher.Ensemble;

/**
 * Where the CPU went during a run: the CPU time each component of the ensemble and the
 * load generator (this JVM) used between two snapshots, per operation. On a machine whose
 * cores the load generator shares with the ensemble, this says what a speed aim would
 * need from each part.
 */
final class CpuUse {

	static final String LOAD_GENERATOR = "load generator";

	private final Map<String, Duration> used;

	private final long takenNanos;

	private CpuUse(Map<String, Duration> used, long takenNanos) {
		this.used = used;
		this.takenNanos = takenNanos;
	}

	static CpuUse of(Ensemble ensemble) {
		Map<String, Duration> used = new LinkedHashMap<>(ensemble.cpuUsed());
		// this JVM alone: the ensemble's processes are its descendants
		used.put(LOAD_GENERATOR, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
		return new CpuUse(used, System.nanoTime());
	}

	/**
	 * One line: CPU milliseconds per operation by component (largest first, parts under
	 * 0.01 ms left out), their total, and how many cores were busy on average.
	 */
	String perOperationSince(CpuUse before, long operations) {
		if (operations <= 0) {
			return "CPU per operation: no operation completed";
		}
		Map<String, Double> millis = new LinkedHashMap<>();
		this.used.forEach((name, now) -> {
			Duration then = before.used.getOrDefault(name, Duration.ZERO);
			millis.put(name, (now.minus(then).toNanos() / 1e6) / operations);
		});
		double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
		double seconds = (this.takenNanos - before.takenNanos) / 1e9;
		String parts = millis.entrySet()
			.stream()
			.filter((part) -> part.getValue() >= 0.01)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map((part) -> String.format("%s %.2f", part.getKey(), part.getValue()))
			.collect(Collectors.joining(", "));
		return String.format("    CPU ms per operation: %s; total %.2f ms (%.2f cores busy)", parts, total,
				total * operations / 1000 / seconds);
	}

}
