package dev.lanyard.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.lanyard.launcher.process.ProcessRecord;
import dev.lanyard.launcher.process.ProcessRegistry;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.StateDirectory;

/**
 * Stops what a state folder's records say is running, from any JVM
 * ({@code bin/lanyard down}).
 */
final class Lifecycle {

	private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

	private static final Duration INFRASTRUCTURE_GRACE = Duration.ofSeconds(30);

	private Lifecycle() {
	}

	/**
	 * Stops every recorded process: services (in parallel) first, then the OIDC provider,
	 * the registry, Kafka and PostgreSQL; forgets them all.
	 * @return the components that were still running
	 */
	static List<String> stopRecorded(StateDirectory state, Consumer<String> progress) {
		ProcessRegistry records = state.processes();
		List<ProcessRecord> all = records.all();
		List<String> stopped = all.stream().filter(ProcessRecord::alive).map(ProcessRecord::component).toList();
		List<ProcessRecord> services = all.stream().filter(Lifecycle::isService).toList();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (ProcessRecord record : services) {
				executor.submit(() -> stop(records, record, SERVICE_GRACE, progress));
			}
		}
		List<ProcessRecord> rest = new ArrayList<>(all.stream().filter((record) -> !isService(record)).toList());
		rest.sort((a, b) -> Integer.compare(order(a), order(b)));
		for (ProcessRecord record : rest) {
			stop(records, record, INFRASTRUCTURE_GRACE, progress);
		}
		return stopped;
	}

	private static void stop(ProcessRegistry records, ProcessRecord record, Duration grace, Consumer<String> progress) {
		record.process().ifPresent((process) -> {
			progress.accept("Stopping " + record.component() + " (pid " + record.pid() + ")");
			dev.lanyard.launcher.process.ProcessTree.terminate(process, grace);
		});
		records.forget(record.component());
	}

	private static boolean isService(ProcessRecord record) {
		return EnsembleComponents.STOP_ORDER.indexOf(record.component()) < LanyardService.values().length
				&& EnsembleComponents.STOP_ORDER.contains(record.component());
	}

	private static int order(ProcessRecord record) {
		// a cluster's nodes (kafka-1, kafka-2...) stop where a single broker would
		String component = dev.lanyard.launcher.kafka.KafkaBroker.isNode(record.component())
				? dev.lanyard.launcher.kafka.KafkaBroker.COMPONENT : record.component();
		int index = EnsembleComponents.STOP_ORDER.indexOf(component);
		return (index < 0) ? -1 : index;
	}

}
