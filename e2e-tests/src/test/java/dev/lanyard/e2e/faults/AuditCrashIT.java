package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;
import dev.lanyard.e2e.faults.IssuanceLoad.Outcomes;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: audit killed with SIGKILL while it stores and logs a steady stream of
 * credentials, then started again — nothing lost, nothing doubled, the log still valid.
 * Its consumer group's offsets are then set back to before the stream, the worst a crash
 * between storing and committing can leave, so every event it had stored is delivered
 * again.
 */
class AuditCrashIT {

	private static final String AUDIT = LanyardService.AUDIT.serviceName();

	@Test
	void auditWhenKilledMidBatchThenEveryAnsweredCredentialRecordedOnceAndLogValid() throws Exception {
		Ensemble ensemble = SharedEnsemble.get();
		Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		AuditorView auditor = new AuditorView(lanyard, lanyard.token(ensemble.demoAuditor()));
		AuditDatabase database = new AuditDatabase(ensemble);
		AuditConsumerGroup group = new AuditConsumerGroup(ensemble.endpoints().kafkaClientProperties());
		Sizes before = database.awaitLogged();
		Map<TopicPartition, Long> committedBefore = group.committed();
		Instant loadStart = Instant.now();
		FaultTable table = new FaultTable("audit SIGKILLed mid-batch");
		List<Issuance> issuances;
		boolean killed = false;
		try (IssuanceLoad load = IssuanceLoad.start(lanyard, ensemble.demoContent(), 4000, Duration.ofMinutes(4))) {
			load.awaitAnswered(100, loadStart, Duration.ofSeconds(60));
			awaitQueuedForLog(database);
			Instant killedAt = Instant.now();
			ensemble.kill(AUDIT);
			killed = true;
			recordCrash(table, database, group, committedBefore);
			// credentials keep being handed out while audit is down: Kafka keeps them
			load.awaitAnswered(40, Instant.now(), Duration.ofSeconds(60));
			Instant restartAt = Instant.now();
			ensemble.start(AUDIT);
			killed = false;
			Instant backAt = Instant.now();
			table.row("audit down", FaultTable.seconds(killedAt, backAt) + " (restart took "
					+ FaultTable.seconds(restartAt, backAt) + ")");
			load.awaitAnswered(40, backAt, Duration.ofSeconds(60));
			issuances = load.stop();
		}
		finally {
			if (killed) {
				ensemble.start(AUDIT);
			}
		}
		TrailCheck.Result trail = TrailCheck.await(auditor, database, before, ensemble.demoContent().clientId(),
				loadStart, issuances, Duration.ofSeconds(90));
		Outcomes outcomes = Outcomes.of(issuances);
		table.outcomes(outcomes, trail).print();

		assertThat(outcomes.other()).as("requests neither answered nor refused").isZero();
		assertThat(outcomes.refused503()).as("audit down refuses no credential: Kafka has the record").isZero();
		assertThat(trail.recorded()).as("answered credentials with a TokenIssued record").isEqualTo(trail.answered());
		assertThat(trail.doubled()).as("credentials with two TokenIssued records").isZero();
		assertThat(trail.recordedNotAnswered()).as("records of credentials never answered").isZero();
		assertThat(trail.ledgerGrowth()).as("leaves added = events stored").isEqualTo(trail.storedGrowth());
		assertThat(trail.verdict().outcome()).as(trail.verdict().toString()).isEqualTo("OK");
		assertThat(trail.verdict().checkedSize()).isGreaterThanOrEqualTo(trail.after().treeSize());
	}

	/**
	 * Figures of the crash while audit is dead, then the worst a crash between storing
	 * and committing leaves: every offset commit since the load began lost, so Kafka
	 * delivers again every event of the load audit had stored.
	 */
	private static void recordCrash(FaultTable table, AuditDatabase database, AuditConsumerGroup group,
			Map<TopicPartition, Long> committedBefore) throws Exception {
		Sizes atKill = database.sizes();
		Map<TopicPartition, Long> committed = group.committed();
		long storedPastCommitted = database.storedPastCommitted(committed);
		table.row("at the kill: events stored", atKill.stored())
			.row("at the kill: queued for the log", atKill.pending())
			.row("at the kill: stored past committed offsets", storedPastCommitted)
			.row("at the kill: Kafka records not committed", group.lag(committed));
		assertThat(atKill.pending() + storedPastCommitted)
			.as("the kill landed while a batch was stored but not yet logged or committed")
			.isPositive();
		group.rewind(committedBefore);
		long redelivered = database.storedPastCommitted(committedBefore);
		table.row("offsets rewound to before the load: stored events delivered again", redelivered);
		assertThat(redelivered).as("stored events Kafka delivers again").isPositive();
	}

	/** Waits, bounded, until stored events wait for the log's next append. */
	private static void awaitQueuedForLog(AuditDatabase database) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (database.sizes().pending() == 0) {
			assertThat(System.nanoTime()).as("events queued for the log within 20 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
