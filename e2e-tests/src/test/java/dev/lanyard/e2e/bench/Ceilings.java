package dev.lanyard.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.launcher.Ensemble;

/**
 * The two parts of every issuance and hand-out that no tuning of the services removes,
 * measured in the same run as the services: Kafka's acknowledged send alone
 * ({@link AckedSendCeiling}, with the CPU each process spent per send) and ES256 signing
 * alone ({@link SigningCeiling}, with the signing JVM's CPU per signature).
 */
final class Ceilings {

	private static final int MAX_SENDS_PER_RUN = 2_000_000;

	private Ceilings() {
	}

	/**
	 * Runs both ceilings at each number of callers and returns their lines, ready to
	 * print; fails if any acknowledged send failed.
	 */
	static List<String> measure(Ensemble ensemble, int[] callers, Duration perRun) throws Exception {
		List<String> lines = new ArrayList<>();
		try (AckedSendCeiling kafkaAlone = new AckedSendCeiling(ensemble.endpoints().kafkaClientProperties(),
				ensemble.settings().topicPartitions())) {
			for (int n : callers) {
				MeasuredRun run = MeasuredRun.of(ensemble, () -> LoadRun.run("Kafka acked send alone (ceiling)", n,
						MAX_SENDS_PER_RUN, perRun, kafkaAlone::send));
				if (run.result().failed() > 0) {
					throw new IllegalStateException(run.result().failed() + " acknowledged sends failed");
				}
				lines.add(run.result().toString());
				lines.add(run.cpu());
			}
		}
		for (int n : callers) {
			lines.addAll(SigningCeiling.measure(n, perRun));
		}
		return lines;
	}

}
