package dev.lanyard.e2e.faults;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.faults.AuditDatabase.Sizes;
import dev.lanyard.e2e.faults.IssuanceLoad.Issuance;
import dev.lanyard.e2e.faults.IssuanceLoad.Outcomes;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.kafka.KafkaBroker;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: broker faults on a three-node KRaft cluster started by the launcher
 * ({@code LANYARD_KAFKA_NODES=3}: replication factor 3, {@code min.insync.replicas=2}),
 * under steady client-credentials and token-exchange load through the gateway. One node
 * SIGKILLed and restarted: failures only within a short window, every hand-out recorded
 * once. Two nodes down: every request refused 503, nothing handed out; back up: issuance
 * resumes. Its own ensemble, started once for the class (the shared one stays
 * single-broker).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerFaultsIT {

	/**
	 * The most a single node's death may cost: fencing (6 s) plus one ack timeout (5 s).
	 */
	private static final Duration MAX_FAILURE_WINDOW = Duration.ofSeconds(15);

	/** Longer than the failure window, so it measures fail-over rather than restart. */
	private static final Duration ONE_DOWN_FOR = Duration.ofSeconds(20);

	private static final Duration TWO_DOWN_FOR = Duration.ofSeconds(20);

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static AuditDatabase database;

	private static KafkaClusterView cluster;

	private static String integrationId;

	@BeforeAll
	static void cluster() throws Exception {
		ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-e2e-brokers"), 3));
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		database = new AuditDatabase(ensemble);
		cluster = new KafkaClusterView(ensemble.endpoints().kafkaClientProperties());
		integrationId = linkedIntegration();
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
		if (ensemble != null) {
			ensemble.close();
		}
	}

	@Test
	@Order(1)
	void brokerWhenKilledUnderLoadThenShortFailureWindowAndEveryHandOutRecordedOnce() throws Exception {
		String topic = Topics.TOKEN_ISSUED.name();
		int partition = cluster.partitionOf(topic, subject());
		int leader = cluster.partition(topic, partition).leader().id();
		boolean controller = cluster.activeController() == leader;
		String victim = KafkaBroker.nodeName(leader);
		FaultTable table = new FaultTable("One of three Kafka nodes SIGKILLed under load");
		table.row("node killed", victim + " (leader of " + topic + "-" + partition + " where the load's records go"
				+ (controller ? "; the active controller" : "") + ")");
		AuditorView auditor = auditor();
		Map<String, String> exchange = exchangeForm();
		Sizes before = database.awaitLogged();
		Instant loadStart = Instant.now();
		Loads loads = Loads.start(exchange);
		Instant killedAt;
		boolean down = false;
		try {
			loads.awaitAnswered(60, 30, loadStart);
			ensemble.kill(victim);
			down = true;
			killedAt = Instant.now();
			Thread.sleep(ONE_DOWN_FOR.toMillis());
			Instant restartAt = Instant.now();
			ensemble.start(victim);
			down = false;
			Instant backAt = Instant.now();
			table.row("down for", FaultTable.seconds(killedAt, backAt) + " (restart took "
					+ FaultTable.seconds(restartAt, backAt) + ")");
			loads.awaitAnswered(40, 20, backAt);
		}
		finally {
			loads.stop();
			if (down) {
				ensemble.start(victim);
			}
		}
		List<Issuance> all = loads.all();
		List<Issuance> failures = all.stream().filter((i) -> !i.answered()).toList();
		Instant firstFailure = failures.stream().map(Issuance::sentAt).min(Instant::compareTo).orElse(killedAt);
		Duration window = failures.isEmpty() ? Duration.ZERO : Duration.between(firstFailure,
				failures.stream().map(Issuance::answeredAt).max(Instant::compareTo).orElseThrow());
		CountedTrail.Result trail = CountedTrail.await(auditor, database, before, subject(), loadStart, all,
				Duration.ofSeconds(90));
		Outcomes outcomes = Outcomes.of(all);
		table.row("requests (client credentials / exchange)", loads.sizes())
			.row("answered with a credential", outcomes.answered())
			.row("refused 503 temporarily_unavailable", outcomes.refused503())
			.row("other answers", outcomes.other())
			.row("failure window", String.format("%.1f s", window.toMillis() / 1000.0) + (failures.isEmpty() ? ""
					: ", from " + FaultTable.seconds(killedAt, firstFailure) + " after the kill"));
		trail.rows(table).print();
		cluster.awaitFullyReplicated(Duration.ofSeconds(90));

		assertThat(outcomes.other()).as("requests neither answered nor refused 503").isZero();
		assertThat(window).as("failure window").isLessThanOrEqualTo(MAX_FAILURE_WINDOW);
		assertThat(failures).as("failures sent before the kill's in-flight requests could have been")
			.allMatch((i) -> i.sentAt().isAfter(killedAt.minusSeconds(6)));
		assertTrail(trail, outcomes, loads.clientCredentials());
	}

	@Test
	@Order(2)
	void twoBrokersWhenDownThenEveryIssuanceRefusedNoneHandedOutAndResumesWhenBack() throws Exception {
		String topic = Topics.TOKEN_ISSUED.name();
		TopicPartitionInfo partition = cluster.partition(topic, cluster.partitionOf(topic, subject()));
		// the load's partition keeps its leader: only acks=all and the in-sync replicas
		// stand between it and a credential handed out without its record
		List<String> victims = partition.replicas()
			.stream()
			.filter((node) -> node.id() != partition.leader().id())
			.map(Node::id)
			.map(KafkaBroker::nodeName)
			.toList();
		FaultTable table = new FaultTable("Two of three Kafka nodes SIGKILLed under load");
		table.row("nodes killed", victims + " (followers of " + topic + "-" + partition.partition() + "; leader "
				+ KafkaBroker.nodeName(partition.leader().id()) + " left alone, without a quorum)");
		AuditorView auditor = auditor();
		Map<String, String> exchange = exchangeForm();
		Sizes before = database.awaitLogged();
		Instant loadStart = Instant.now();
		Loads loads = Loads.start(exchange);
		Instant downAt;
		Instant restartAt;
		List<String> down = new ArrayList<>();
		try {
			loads.awaitAnswered(30, 15, loadStart);
			for (String victim : victims) {
				ensemble.kill(victim);
				down.add(victim);
			}
			downAt = Instant.now();
			Thread.sleep(TWO_DOWN_FOR.toMillis());
			restartAt = Instant.now();
			// at once: with one node left, neither has a quorum alone
			ensemble.start(down);
			down.clear();
			Instant backAt = Instant.now();
			table.row("down for", FaultTable.seconds(downAt, backAt) + " (restart took "
					+ FaultTable.seconds(restartAt, backAt) + ")");
			loads.awaitAnswered(30, 15, backAt);
			table.row("first credential after the restart",
					FaultTable.seconds(backAt,
							loads.all()
								.stream()
								.filter((i) -> i.answered() && i.sentAt().isAfter(backAt))
								.map(Issuance::answeredAt)
								.min(Instant::compareTo)
								.orElseThrow())
							+ " after both were back");
		}
		finally {
			loads.stop();
			// at once: with one node left, neither has a quorum alone
			ensemble.start(down);
		}
		List<Issuance> all = loads.all();
		List<Issuance> duringOutage = all.stream()
			.filter((i) -> i.sentAt().isAfter(downAt) && i.answeredAt().isBefore(restartAt))
			.toList();
		CountedTrail.Result trail = CountedTrail.await(auditor, database, before, subject(), loadStart, all,
				Duration.ofSeconds(90));
		Outcomes outcomes = Outcomes.of(all);
		long slowest = duringOutage.stream()
			.mapToLong((i) -> Duration.between(i.sentAt(), i.answeredAt()).toMillis())
			.max()
			.orElse(0);
		table.row("requests (client credentials / exchange)", loads.sizes())
			.row("asked and answered while two were down", duringOutage.size() + ", of them refused 503: "
					+ duringOutage.stream().filter(Issuance::oauthRefusal).count() + " (slowest in " + slowest + " ms)")
			.row("credentials handed out while two were down", duringOutage.stream().filter(Issuance::answered).count())
			.row("answered with a credential (whole run)", outcomes.answered())
			.row("refused 503 temporarily_unavailable (whole run)", outcomes.refused503())
			.row("other answers", outcomes.other());
		trail.rows(table).print();
		cluster.awaitFullyReplicated(Duration.ofSeconds(90));

		assertThat(duringOutage).as("requests while two nodes were down").isNotEmpty();
		assertThat(duringOutage).as("each refused 503 temporarily_unavailable, no token")
			.allMatch(Issuance::oauthRefusal);
		assertThat(outcomes.other()).as("requests neither answered nor refused 503").isZero();
		assertTrail(trail, outcomes, loads.clientCredentials());
	}

	private static void assertTrail(CountedTrail.Result trail, Outcomes outcomes, List<Issuance> clientCredentials) {
		assertThat(trail.lost()).as("credentials handed out without a TokenIssued record").isZero();
		assertThat(trail.records()).as("records at least one per hand-out").isGreaterThanOrEqualTo(trail.answered());
		assertThat(trail.doubled(clientCredentials)).as("client-credentials tokens with two records").isZero();
		// a request refused after Kafka had kept its record leaves a record without a
		// hand-out: allowed, at most one per refusal
		assertThat(trail.beyond() + trail.orphans()).as("records without a hand-out")
			.isLessThanOrEqualTo(outcomes.refused503());
		assertThat(trail.ledgerGrowth()).as("leaves added = events stored").isEqualTo(trail.storedGrowth());
		assertThat(trail.verdict().outcome()).as(trail.verdict().toString()).isEqualTo("OK");
		assertThat(trail.verdict().checkedSize()).isGreaterThanOrEqualTo(trail.after().treeSize());
	}

	/** With a fresh token: the class may outlive one. */
	private static AuditorView auditor() throws Exception {
		return new AuditorView(lanyard, lanyard.token(ensemble.demoAuditor()));
	}

	private static String subject() {
		return ensemble.demoContent().clientId();
	}

	/**
	 * The demo content's token exchange for the integration's external token, with a
	 * fresh content session token (it lives 15 minutes), once it answers 200.
	 */
	private static Map<String, String> exchangeForm() throws Exception {
		Map<String, String> form = new HashMap<>(
				Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", lanyard.token(ensemble.demoContent()),
						"subject_token_type", OAuthNames.CONTENT_SESSION, "audience", integrationId, "scope", "read"));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> response = lanyard.tokenRequest(ensemble.demoContent(), form);
		while (response.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = lanyard.tokenRequest(ensemble.demoContent(), form);
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return form;
	}

	/**
	 * A service-account integration at the development provider, linked to the demo
	 * content.
	 */
	private static String linkedIntegration() throws Exception {
		String admin = lanyard.token(ensemble.administrator());
		Map<String, Object> body = new HashMap<>();
		body.put("name", "warehouse-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("description", "Data warehouse, as a fixed machine identity");
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/warehouse/token");
		body.put("clientId", "warehouse-client");
		body.put("clientSecret", "e2e-client-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("read"));
		JsonNode created = lanyard.ok(admin, "POST", "/api/integrations", body);
		String id = created.get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + subject(), null);
		return id;
	}

	/**
	 * Client-credentials load (3 workers) and exchange load (2 workers), about 50
	 * requests a second together, each bounded in count and time.
	 */
	private record Loads(IssuanceLoad clientCredentialsLoad, IssuanceLoad exchangeLoad) {

		static Loads start(Map<String, String> exchange) {
			return new Loads(
					IssuanceLoad.start(lanyard, ensemble.demoContent(), Map.of("grant_type", "client_credentials"), 3,
							6000, Duration.ofMinutes(3)),
					IssuanceLoad.start(lanyard, ensemble.demoContent(), exchange, 2, 4000, Duration.ofMinutes(3)));
		}

		void awaitAnswered(int clientCredentials, int exchanges, Instant since) throws InterruptedException {
			this.clientCredentialsLoad.awaitAnswered(clientCredentials, since, Duration.ofSeconds(90));
			this.exchangeLoad.awaitAnswered(exchanges, since, Duration.ofSeconds(90));
		}

		void stop() throws InterruptedException {
			this.clientCredentialsLoad.stop();
			this.exchangeLoad.stop();
		}

		List<Issuance> clientCredentials() {
			return this.clientCredentialsLoad.issuances();
		}

		List<Issuance> all() {
			List<Issuance> all = new ArrayList<>(this.clientCredentialsLoad.issuances());
			all.addAll(this.exchangeLoad.issuances());
			return all;
		}

		String sizes() {
			return this.clientCredentialsLoad.issuances().size() + " / " + this.exchangeLoad.issuances().size();
		}

	}

}
