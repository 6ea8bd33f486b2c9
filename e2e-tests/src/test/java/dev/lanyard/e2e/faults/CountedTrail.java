package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.AuditorView.FullCheck;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;

/**
 * The trail after a fault, counted per hand-out rather than per token: a token exchange
 * hands the same cached external token out again, and each hand-out has its own
 * TokenIssued record, so a token answered {@code n} times must have {@code n} records.
 * Like {@link TrailCheck}, waits until audit has caught up and checks the log in full.
 */
final class CountedTrail {

	private CountedTrail() {
	}

	/**
	 * Waits, bounded, until every hand-out has its record and the log holds every stored
	 * event, then counts.
	 * @param before the store and log before the load
	 * @param subject whose credentials the loads asked for
	 * @param since when the loads began
	 */
	static Result await(AuditorView auditor, AuditDatabase database, Sizes before, String subject, Instant since,
			List<Issuance> issuances, Duration timeout) throws Exception {
		Map<String, Long> handedOut = issuances.stream()
			.filter(Issuance::answered)
			.collect(Collectors.groupingBy(Issuance::tokenSha256, Collectors.counting()));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Map<String, Integer> records = auditor.tokenIssuedCounts(subject, since);
			Sizes after = database.sizes();
			long lost = lost(handedOut, records);
			boolean caughtUp = lost == 0 && after.pending() == 0
					&& after.treeSize() - before.treeSize() == after.stored() - before.stored();
			if (caughtUp || System.nanoTime() > deadline) {
				long answered = handedOut.values().stream().mapToLong(Long::longValue).sum();
				long beyond = handedOut.entrySet()
					.stream()
					.mapToLong((e) -> Math.max(0, records.getOrDefault(e.getKey(), 0) - e.getValue()))
					.sum();
				long orphans = records.entrySet()
					.stream()
					.filter((e) -> !handedOut.containsKey(e.getKey()))
					.mapToLong(Map.Entry::getValue)
					.sum();
				long total = records.values().stream().mapToLong(Integer::longValue).sum();
				return new Result(answered, total, lost, beyond, orphans, after.stored() - before.stored(),
						after.treeSize() - before.treeSize(), after, auditor.verifyFull(), Map.copyOf(records));
			}
			Thread.sleep(500);
		}
	}

	private static long lost(Map<String, Long> handedOut, Map<String, Integer> records) {
		return handedOut.entrySet()
			.stream()
			.mapToLong((e) -> Math.max(0, e.getValue() - records.getOrDefault(e.getKey(), 0)))
			.sum();
	}

	/**
	 * @param answered hand-outs (answers with a credential), cached repeats included
	 * @param records TokenIssued records of the subject since the start
	 * @param lost hand-outs without their record
	 * @param beyond records of a handed-out token beyond its hand-outs: doubles, or a
	 * refused repeat of a cached token whose record Kafka had kept
	 * @param orphans records of tokens never handed out (refused after Kafka had kept the
	 * record)
	 * @param storedGrowth events stored meanwhile (every type)
	 * @param ledgerGrowth leaves added to the log meanwhile
	 * @param after the store and log at the end
	 * @param verdict {@code /api/audit/verify/full}
	 * @param counts TokenIssued records per token SHA-256
	 */
	record Result(long answered, long records, long lost, long beyond, long orphans, long storedGrowth,
			long ledgerGrowth, Sizes after, FullCheck verdict, Map<String, Integer> counts) {

		/**
		 * Of these hand-outs, each of a token of its own, how many have two records or
		 * more.
		 */
		long doubled(List<Issuance> uniqueTokens) {
			return uniqueTokens.stream()
				.filter(Issuance::answered)
				.filter((issuance) -> this.counts.getOrDefault(issuance.tokenSha256(), 0) > 1)
				.count();
		}

		/** Adds its rows to a fault table. */
		FaultTable rows(FaultTable table) {
			return table.row("credentials handed out", this.answered)
				.row("TokenIssued records stored", this.records)
				.row("handed out without a record (lost)", this.lost)
				.row("records beyond a token's hand-outs", this.beyond)
				.row("records of tokens never handed out", this.orphans)
				.row("events stored / leaves added meanwhile", this.storedGrowth + " / " + this.ledgerGrowth)
				.row("store / log at the end", this.after.stored() + " / " + this.after.treeSize())
				.row("verify/full", this.verdict);
		}

	}

}
