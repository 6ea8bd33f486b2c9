package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.AuditorView.FullCheck;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;

/**
 * The trail after a fault, once audit has caught up: each answered credential's
 * TokenIssued records, how much the store and the log grew, and the full check.
 */
final class TrailCheck {

	private TrailCheck() {
	}

	/**
	 * Waits, bounded, until every answered credential has a record and the log holds
	 * every stored event, then checks the log in full.
	 * @param before the store and log before the load
	 * @param subject whose credentials the load asked for
	 * @param since when the load began
	 */
	static Result await(AuditorView auditor, AuditDatabase database, Sizes before, String subject, Instant since,
			List<Issuance> issuances, Duration timeout) throws Exception {
		Set<String> answered = issuances.stream()
			.filter(Issuance::answered)
			.map(Issuance::tokenSha256)
			.collect(Collectors.toSet());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Map<String, Integer> counts = auditor.tokenIssuedCounts(subject, since);
			Sizes after = database.sizes();
			boolean caughtUp = counts.keySet().containsAll(answered) && after.pending() == 0
					&& after.treeSize() - before.treeSize() == after.stored() - before.stored();
			if (caughtUp || System.nanoTime() > deadline) {
				return new Result(answered.size(), (int) answered.stream().filter(counts::containsKey).count(),
						(int) counts.values().stream().filter((n) -> n > 1).count(),
						(int) counts.keySet().stream().filter((hash) -> !answered.contains(hash)).count(),
						after.stored() - before.stored(), after.treeSize() - before.treeSize(), after,
						auditor.verifyFull());
			}
			Thread.sleep(500);
		}
	}

	/**
	 * @param answered distinct credentials handed out
	 * @param recorded of those, how many have a TokenIssued record
	 * @param doubled token hashes with more than one TokenIssued record
	 * @param recordedNotAnswered TokenIssued records of the subject since the start for
	 * no credential handed out (a request refused after Kafka had its record)
	 * @param storedGrowth events stored meanwhile (every type)
	 * @param ledgerGrowth leaves added to the log meanwhile
	 * @param after the store and log at the end
	 * @param verdict {@code /api/audit/verify/full}
	 */
	record Result(int answered, int recorded, int doubled, int recordedNotAnswered, long storedGrowth,
			long ledgerGrowth, Sizes after, FullCheck verdict) {

	}

}
