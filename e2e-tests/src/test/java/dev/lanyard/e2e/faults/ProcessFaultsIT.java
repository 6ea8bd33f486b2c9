package dev.lanyard.e2e.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;
import dev.lanyard.e2e.faults.IssuanceLoad.Outcomes;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, process faults, in an ensemble of its own with two token-broker instances
 * behind the gateway (the launcher's stand-in for a Kubernetes Service): one instance
 * killed with SIGKILL under a steady stream of credentials, and user-provisioning killed
 * while it works through a batch of sign-ins. Each prints its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {

	private static final String SECOND = LanyardService.TOKEN_BROKER.instanceName(2);

	private static final String PROVISIONING = LanyardService.USER_PROVISIONING.serviceName();

	/** Sign-ins in the batch user-provisioning is killed in, and groups per person. */
	private static final int BATCH = 2000;

	private static final int GROUPS = 2;

	private static Ensemble ensemble;

	@BeforeAll
	static void startTwoTokenBrokers() {
		ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-process-faults"))
			.withTokenBrokerInstances(2)
			// the sign-ins' groups are created as they are first claimed
			.withServiceEnvironment("LANYARD_PROVISIONING_GROUPS_PROVISIONING", "auto"));
	}

	@AfterAll
	static void stop() {
		if (ensemble != null) {
			ensemble.close();
		}
	}

	@Test
	@Order(1)
	void tokenBrokerWhenOneInstanceKilledUnderLoadThenTheOtherServesAndEveryAnsweredCredentialRecordedOnce()
			throws Exception {
		Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		AuditorView auditor = new AuditorView(lanyard, lanyard.token(ensemble.demoAuditor()));
		AuditDatabase database = new AuditDatabase(ensemble);
		TokenBrokerCounters counters = new TokenBrokerCounters(ensemble.endpoints().tokenBrokerUrls());
		Sizes before = database.awaitLogged();
		FaultTable table = new FaultTable("token-broker-2 of two SIGKILLed under load");
		long firstAtStart = counters.issued(0);
		long secondAtStart = counters.issued(1);
		Instant loadStart = Instant.now();
		List<Issuance> issuances;
		Instant killedAt;
		boolean killed = false;
		try (IssuanceLoad load = IssuanceLoad.start(lanyard, ensemble.demoContent(), 6000, Duration.ofMinutes(3))) {
			load.awaitAnswered(100, loadStart, Duration.ofSeconds(60));
			long firstBefore = counters.issued(0) - firstAtStart;
			long secondBefore = counters.issued(1) - secondAtStart;
			table.row("issued before the kill: token-broker / token-broker-2", firstBefore + " / " + secondBefore);
			assertThat(secondBefore).as("credentials token-broker-2 issued before the kill").isPositive();
			assertThat(firstBefore).as("credentials token-broker issued before the kill").isPositive();
			Instant killStart = Instant.now();
			ensemble.kill(SECOND);
			killed = true;
			killedAt = Instant.now();
			long firstAtKill = counters.issued(0);
			table.row("kill took (SIGKILL to port closed)", FaultTable.seconds(killStart, killedAt));
			load.awaitAnswered(200, killedAt, Duration.ofSeconds(60));
			table.row("issued by token-broker while token-broker-2 was down", counters.issued(0) - firstAtKill);
			Instant restartAt = Instant.now();
			ensemble.start(SECOND);
			killed = false;
			Instant backAt = Instant.now();
			table.row("token-broker-2 down", FaultTable.seconds(killStart, backAt) + " (restart took "
					+ FaultTable.seconds(restartAt, backAt) + ")");
			load.awaitAnswered(200, backAt, Duration.ofSeconds(60));
			long secondAfter = counters.issued(1);
			table.row("issued by token-broker-2 after its restart", secondAfter);
			assertThat(secondAfter).as("credentials token-broker-2 issued after its restart").isPositive();
			issuances = load.stop();
		}
		finally {
			if (killed) {
				ensemble.start(SECOND);
			}
		}
		List<Issuance> failed = issuances.stream().filter((i) -> !i.answered()).toList();
		table.row("failed requests", failed.size() + failedWindow(failed, killedAt));
		TrailCheck.Result trail = TrailCheck.await(auditor, database, before, ensemble.demoContent().clientId(),
				loadStart, issuances, Duration.ofSeconds(90));
		Outcomes outcomes = Outcomes.of(issuances);
		table.outcomes(outcomes, trail).print();

		// only requests in flight on the killed instance may fail: at most one per worker
		assertThat(failed).as("failed requests").hasSizeLessThanOrEqualTo(IssuanceLoad.workers());
		assertThat(failed).as("failed requests sent after the kill (a refused connection is tried elsewhere)")
			.allMatch((i) -> i.sentAt().isBefore(killedAt));
		assertThat(trail.recorded()).as("answered credentials with a TokenIssued record").isEqualTo(trail.answered());
		assertThat(trail.doubled()).as("credentials with two TokenIssued records").isZero();
		// the killed instance may have had a record acknowledged and died before
		// answering
		assertThat(trail.recordedNotAnswered()).as("records of unanswered requests").isLessThanOrEqualTo(failed.size());
		assertThat(trail.ledgerGrowth()).as("leaves added = events stored").isEqualTo(trail.storedGrowth());
		assertThat(trail.verdict().outcome()).as(trail.verdict().toString()).isEqualTo("OK");
	}

	@Test
	@Order(2)
	void userProvisioningWhenKilledMidBatchThenEverySignInAppliedAndAnnouncedOnce() throws Exception {
		String run = "pf" + Long.toString(System.currentTimeMillis(), 36);
		ProvisioningTrail trail = new ProvisioningTrail(ensemble);
		FaultTable table = new FaultTable("user-provisioning SIGKILLed mid-batch of " + BATCH + " first sign-ins");
		Instant sentAt = Instant.now();
		SignInBatch.send(ensemble, run, BATCH, GROUPS);
		table.row("sign-ins sent (acknowledged)", BATCH + " in " + FaultTable.seconds(sentAt, Instant.now()));
		trail.awaitUsers(run, BATCH / 5, Duration.ofSeconds(120));
		Instant killStart = Instant.now();
		boolean killed = false;
		try {
			ensemble.kill(PROVISIONING);
			killed = true;
			long atKill = trail.users(run);
			table.row("users stored at the kill", atKill + " of " + BATCH + " (" + FaultTable.seconds(sentAt, killStart)
					+ " after the batch was sent)");
			assertThat(atKill).as("the kill landed mid-batch").isLessThan(BATCH);
			Instant restartAt = Instant.now();
			ensemble.start(PROVISIONING);
			killed = false;
			table.row("user-provisioning down", FaultTable.seconds(killStart, Instant.now()) + " (restart took "
					+ FaultTable.seconds(restartAt, Instant.now()) + ")");
		}
		finally {
			if (killed) {
				ensemble.start(PROVISIONING);
			}
		}
		Instant backAt = Instant.now();
		trail.awaitUsers(run, BATCH, Duration.ofSeconds(180));
		table.row("rest of the batch applied in", FaultTable.seconds(backAt, Instant.now()));
		ProvisioningTrail.Result result = trail.await(run, Duration.ofSeconds(120));
		table.row("users / memberships in the database", result.users() + " / " + result.memberships())
			.row("UserChanged in audit", result.userChangedEvents())
			.row("users without / with two UserChanged", result.lost() + " / " + result.doubled())
			.row("UserChanged naming a user the database does not hold", result.strangers())
			.row("GroupMembershipChanged in audit", result.membershipEvents())
			.row("GroupMembershipChanged naming a user the database does not hold", result.membershipStrangers())
			.print();

		assertThat(result.users()).as("users of the batch").isEqualTo(BATCH);
		assertThat(result.memberships()).as("memberships of the batch").isEqualTo((long) BATCH * GROUPS);
		assertThat(result.lost()).as("users without a UserChanged").isZero();
		assertThat(result.doubled()).as("users with two UserChanged").isZero();
		assertThat(result.strangers()).as("UserChanged of a user that is not there").isZero();
		assertThat(result.membershipEvents()).as("GroupMembershipChanged of the batch")
			.isEqualTo((long) BATCH * GROUPS);
		assertThat(result.membershipStrangers()).as("GroupMembershipChanged of a user that is not there").isZero();
	}

	/** When the failed requests were sent and answered, from the kill. */
	private static String failedWindow(List<Issuance> failed, Instant killedAt) {
		if (failed.isEmpty()) {
			return "";
		}
		Instant first = failed.stream().map(Issuance::sentAt).min(Instant::compareTo).orElseThrow();
		Instant last = failed.stream().map(Issuance::answeredAt).max(Instant::compareTo).orElseThrow();
		return " (sent from " + FaultTable.seconds(killedAt, first) + ", answered until "
				+ FaultTable.seconds(killedAt, last) + " after the kill; statuses "
				+ failed.stream().map(Issuance::status).distinct().toList() + ")";
	}

}
