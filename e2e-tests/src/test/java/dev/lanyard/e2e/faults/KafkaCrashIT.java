package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;
import dev.lanyard.e2e.faults.IssuanceLoad.Outcomes;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.kafka.KafkaBroker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the Kafka broker killed with SIGKILL under a steady stream of credentials,
 * then started again — token-broker refuses (503) rather than hand out a credential
 * without its record, resumes after, and the trail has every answered credential once
 * with the log still valid. Runs in the shared ensemble and leaves it healthy.
 */
class KafkaCrashIT {

	private static final Duration MINIMUM_OUTAGE = Duration.ofSeconds(8);

	@Test
	void kafkaWhenKilledThenRefusedWhileDownAndEveryAnsweredCredentialRecordedOnce() throws Exception {
		Ensemble ensemble = SharedEnsemble.get();
		Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		AuditorView auditor = new AuditorView(lanyard, lanyard.token(ensemble.demoAuditor()));
		AuditDatabase database = new AuditDatabase(ensemble);
		Sizes before = database.awaitLogged();
		Instant loadStart = Instant.now();
		FaultTable table = new FaultTable("Kafka broker SIGKILLed");
		List<Issuance> issuances;
		Instant killedAt;
		Instant restartAt;
		boolean killed = false;
		try (IssuanceLoad load = IssuanceLoad.start(lanyard, ensemble.demoContent(), 4000, Duration.ofMinutes(4))) {
			load.awaitAnswered(100, loadStart, Duration.ofSeconds(60));
			ensemble.kill(KafkaBroker.COMPONENT);
			killed = true;
			killedAt = Instant.now();
			awaitRefusals(load, killedAt);
			restartAt = Instant.now();
			ensemble.start(KafkaBroker.COMPONENT);
			killed = false;
			Instant backAt = Instant.now();
			table.row("Kafka down", FaultTable.seconds(killedAt, backAt) + " (restart took "
					+ FaultTable.seconds(restartAt, backAt) + ")");
			load.awaitAnswered(40, backAt, Duration.ofSeconds(90));
			issuances = load.stop();
		}
		finally {
			if (killed) {
				ensemble.start(KafkaBroker.COMPONENT);
			}
		}
		List<Issuance> refusals = issuances.stream().filter(Issuance::oauthRefusal).toList();
		if (!refusals.isEmpty()) {
			Instant first = refusals.stream().map(Issuance::sentAt).min(Instant::compareTo).orElseThrow();
			Instant last = refusals.stream().map(Issuance::answeredAt).max(Instant::compareTo).orElseThrow();
			table.row("refused from / to", FaultTable.seconds(killedAt, first) + " / "
					+ FaultTable.seconds(killedAt, last) + " after the kill");
		}
		TrailCheck.Result trail = TrailCheck.await(auditor, database, before, ensemble.demoContent().clientId(),
				loadStart, issuances, Duration.ofSeconds(90));
		Outcomes outcomes = Outcomes.of(issuances);
		table.outcomes(outcomes, trail).print();
		EnsembleRecovery.await(ensemble, Duration.ofSeconds(120));

		assertThat(outcomes.refused503()).as("requests refused while Kafka was down").isPositive();
		assertThat(outcomes.other()).as("requests neither answered nor refused 503").isZero();
		assertThat(issuances).as("credentials asked for and answered while Kafka was down")
			.noneMatch((i) -> i.answered() && i.sentAt().isAfter(killedAt) && i.answeredAt().isBefore(restartAt));
		assertThat(trail.recorded()).as("answered credentials with a TokenIssued record").isEqualTo(trail.answered());
		assertThat(trail.doubled()).as("credentials with two TokenIssued records").isZero();
		// Kafka may have written a record whose acknowledgement the kill swallowed: that
		// request was refused, and a record without a credential is allowed
		assertThat(trail.recordedNotAnswered()).as("records of refused requests").isLessThanOrEqualTo(refusals.size());
		assertThat(trail.ledgerGrowth()).as("leaves added = events stored").isEqualTo(trail.storedGrowth());
		assertThat(trail.verdict().outcome()).as(trail.verdict().toString()).isEqualTo("OK");
		assertThat(trail.verdict().checkedSize()).isGreaterThanOrEqualTo(trail.after().treeSize());
	}

	/** Keeps Kafka down a while, until token-broker has refused a few requests. */
	private static void awaitRefusals(IssuanceLoad load, Instant since) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		while (System.nanoTime() < deadline
				&& (Duration.between(since, Instant.now()).compareTo(MINIMUM_OUTAGE) < 0 || load.issuances()
					.stream()
					.filter((i) -> i.oauthRefusal() && i.sentAt().isAfter(since))
					.count() < 3)) {
			Thread.sleep(100);
		}
	}

}
