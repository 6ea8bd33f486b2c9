package dev.lanyard.e2e.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's scale figures for audit, on data it generates ({@link AuditEventMix})
 * produced to a fresh ensemble's Kafka with the services' Avro serdes:
 * <ol>
 * <li><b>ingestion</b>: {@code bench.audit.events} events (default 10,000,000) produced
 * as fast as the producer goes; events/s until all are stored, and until all are in the
 * Merkle log, printed apart;</li>
 * <li><b>lag</b>: a steady {@code bench.audit.lag.rate} events/s (default 2,000) for
 * {@code bench.audit.lag.seconds} (default 30), after as long a warm-up at that rate
 * ({@code bench.audit.lag.warmup.seconds}, default 30); for one event in 200, the time
 * from its send to the moment {@code /api/audit/events} returns it (polled every 50 ms
 * through the gateway, {@link LagPoller}), p50/p99;</li>
 * <li><b>queries</b> at the stored size: {@code bench.audit.queries} calls (default 200,
 * 0 for none) per filter ({@link AuditQueries}), p50/p95, and export rows/s.</li>
 * </ol>
 * Asserts only that everything produced was stored and logged and that every sampled
 * event became queryable within 5 minutes; prints the figures against the aims.
 * Run with {@code bin/lanyard bench audit -Dbench.audit.events=1000000}. With
 * {@code -Dbench.audit.reuse=true} it starts on the previous run's ensemble and data
 * (hours of ingestion at 10,000,000 events) and measures only lag and queries.
 */
class AuditBenchmark {

	private static final Duration STALL = Duration.ofSeconds(120);

	// long enough for a store behind the steady rate to catch up: its lag is measured
	// rather than the run failing, and a sample still missing then is lost
	private static final Duration QUERYABLE_BOUND = Duration.ofMinutes(5);

	private static final int LAG_SAMPLE_EVERY = 200;

	private static final int FLOOR_ROWS = 100_000;

	@Test
	void auditAtScale() throws Exception {
		long events = Long.getLong("bench.audit.events", 10_000_000);
		int rate = Integer.getInteger("bench.audit.lag.rate", 2_000);
		int lagSeconds = Integer.getInteger("bench.audit.lag.seconds", 30);
		int calls = Integer.getInteger("bench.audit.queries", 200);
		boolean reuse = Boolean.getBoolean("bench.audit.reuse");
		// its own state folder: the other benchmarks start fresh in target/lanyard-bench,
		// which would wipe the ingestion that -Dbench.audit.reuse=true measures again
		LauncherSettings settings = LauncherSettings.forTests(Path.of("target/lanyard-bench-audit"));
		try (Ensemble ensemble = reuse ? Ensemble.start(settings) : Ensemble.startFresh(settings);
				AuditProducer producer = new AuditProducer(ensemble)) {
			AuditStoreSize store = new AuditStoreSize(ensemble);
			AuditStoreSize.Run previous = reuse ? store.previousRun() : null;
			String run = reuse ? previous.run() : UUID.randomUUID().toString().substring(0, 8);
			Instant end = reuse ? previous.end() : Instant.now();
			AuditEventMix mix = new AuditEventMix(end, run);
			Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
			List<String> table = new ArrayList<>();
			table
				.add(String.format("Audit at scale (%s, %d cores shared by the load generator and the ensemble, %s %s)",
						Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
						System.getProperty("os.arch")));
			if (reuse) {
				table.add(String.format("Reusing the %,d events stored by run %s (no ingestion measured)",
						store.now().stored(), run));
			}
			else {
				table.addAll(ingest(ensemble, store, producer, mix, events));
				table.addAll(storeFloor(store));
			}
			long offset = events;
			int warmUpSeconds = Integer.getInteger("bench.audit.lag.warmup.seconds", 30);
			table.add(warmUp(store, producer, mix, offset, rate, warmUpSeconds));
			offset += (long) rate * warmUpSeconds;
			table.addAll(lag(ensemble, store, lanyard, producer, mix, mix::credentialNow,
					"the credential stream (TokenIssued 94 %, CredentialDenied 6 %)", run + "c", offset, rate,
					lagSeconds));
			offset += (long) rate * lagSeconds;
			table.addAll(lag(ensemble, store, lanyard, producer, mix, mix::eventNow,
					"the whole mix (a quarter user and group changes, consumed by three more services)", run + "m",
					offset, rate, lagSeconds));
			if (calls > 0) {
				AuditStoreSize.Size size = store.now();
				table.add(String.format("Queries at %,d stored events (aim p95 < 50 ms), through auth-gateway:",
						size.stored()));
				table
					.addAll(new AuditQueries(lanyard.gateway(), lanyard.token(ensemble.demoAuditor()), mix, events, end)
						.run(calls));
			}
			System.out.println();
			table.forEach(System.out::println);
			System.out.println();
		}
	}

	private static List<String> ingest(Ensemble ensemble, AuditStoreSize store, AuditProducer producer,
			AuditEventMix mix, long events) throws Exception {
		AuditStoreSize.Size before = store.now();
		CpuUse cpuBefore = CpuUse.of(ensemble);
		long start = System.nanoTime();
		AtomicLong acknowledged = new AtomicLong(-1);
		Thread sending = Thread.ofPlatform().start(() -> {
			for (long n = 0; n < events; n++) {
				producer.send(mix.event(n));
			}
			producer.flush();
			acknowledged.set(System.nanoTime() - start);
		});
		long stored = -1;
		long logged = -1;
		long lastProgress = System.nanoTime();
		AuditStoreSize.Size last = before;
		while (stored < 0 || logged < 0) {
			Thread.sleep(500);
			AuditStoreSize.Size now = store.now();
			if (stored < 0 && now.stored() >= before.stored() + events) {
				stored = System.nanoTime() - start;
			}
			if (logged < 0 && now.logged() >= before.logged() + events) {
				logged = System.nanoTime() - start;
			}
			if (!now.equals(last)) {
				lastProgress = System.nanoTime();
				last = now;
			}
			assertThat(System.nanoTime() - lastProgress).as("audit made no progress for " + STALL + ": " + now)
				.isLessThan(STALL.toNanos());
		}
		sending.join();
		long produced = acknowledged.get();
		assertThat(produced).as("every event acknowledged by Kafka").isPositive();
		String cpu = CpuUse.of(ensemble).perOperationSince(cpuBefore, events).replace("operation", "event");
		return List.of(String.format("Ingestion of %,d events (aim >= 20,000 events/s):", events),
				String.format("  produced and acknowledged by Kafka   %9.0f events/s (%.1f s)",
						events / (produced / 1e9), produced / 1e9),
				String.format("  stored (rows in audit_event)         %9.0f events/s (%.1f s)", events / (stored / 1e9),
						stored / 1e9),
				String.format("  in the Merkle log (ledger size)      %9.0f events/s (%.1f s)", events / (logged / 1e9),
						logged / 1e9),
				cpu);
	}

	// What PostgreSQL alone needs per event with audit_event's indexes: a ceiling for
	// ingestion on this machine whatever audit does. One statement runs in one backend on
	// one core, so its rate is one core's ceiling (the backend's CPU time is not counted:
	// it exits with its connection, before a snapshot could read it).
	private static List<String> storeFloor(AuditStoreSize store) throws Exception {
		long start = System.nanoTime();
		long rows = store.copyIntoIndexedScratch(FLOOR_ROWS);
		long elapsed = System.nanoTime() - start;
		return List.of(String.format(
				"PostgreSQL's floor: %,d stored rows copied inside the server into a table with audit_event's indexes:",
				rows),
				String.format("  one statement, one backend (one core) %9.0f rows/s (%.1f s, %.3f ms per row)",
						rows / (elapsed / 1e9), elapsed / 1e9, elapsed / 1e6 / rows));
	}

	// The lag is that of a steady rate: the same stream first, unmeasured, until audit
	// has stored it all (its JIT compiled, the pages it writes to cached), as after any
	// restart of a long-running ensemble.
	private static String warmUp(AuditStoreSize store, AuditProducer producer, AuditEventMix mix, long offset, int rate,
			int seconds) throws Exception {
		long total = (long) rate * seconds;
		long interval = 1_000_000_000L / rate;
		System.out.printf("%s bench audit: lag warm-up, %d s%n", Instant.now(), seconds);
		long target = store.now().stored() + total;
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			LockSupport.parkNanos(start + i * interval - System.nanoTime());
			producer.send(mix.credentialNow(offset + i, mix.correlationId(offset + i)));
		}
		producer.flush();
		long deadline = System.nanoTime() + QUERYABLE_BOUND.toNanos();
		while (store.now().stored() < target && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		long stored = store.now().stored();
		assertThat(stored).as("the warm-up's events stored within " + QUERYABLE_BOUND).isGreaterThanOrEqualTo(target);
		return String.format("Warm-up: %,d events at %,d/s, unmeasured, all stored %.1f s after the first was sent",
				total, rate, (System.nanoTime() - start) / 1e9);
	}

	private static List<String> lag(Ensemble ensemble, AuditStoreSize store, Lanyard lanyard, AuditProducer producer,
			AuditEventMix mix, BiFunction<Long, String, AuditEventMix.Produced> stream, String streamName, String run,
			long offset, int rate, int seconds) throws Exception {
		long total = (long) rate * seconds;
		long interval = 1_000_000_000L / rate;
		System.out.printf("%s bench audit: lag, %s%n", Instant.now(), streamName);
		LagPoller poller = new LagPoller(lanyard.gateway(), lanyard.token(ensemble.demoAuditor()), run,
				QUERYABLE_BOUND);
		CpuUse cpuBefore = CpuUse.of(ensemble);
		Thread polling = Thread.ofPlatform().start(poller);
		Instant began = Instant.now();
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			LockSupport.parkNanos(start + i * interval - System.nanoTime());
			String correlationId = mix.correlationId(offset + i);
			long sent = System.nanoTime();
			if (i % LAG_SAMPLE_EVERY == 0) {
				AuditEventMix.Produced sample = mix.sampleNow(offset + i, correlationId, poller.content());
				producer.send(sample);
				poller.await(correlationId, ((TokenIssued) sample.value()).getOccurredAt(), sent);
			}
			else {
				producer.send(stream.apply(offset + i, correlationId));
			}
		}
		producer.flush();
		long[] lags = poller.finish(polling);
		long[] sorted = Arrays.stream(lags).filter((l) -> l >= 0).sorted().toArray();
		assertThat(sorted).as("every sampled event queryable within " + QUERYABLE_BOUND).hasSize(lags.length);
		String cpu = CpuUse.of(ensemble).perOperationSince(cpuBefore, total).replace("operation", "event");
		double[] stored = store.storedLagMillis(began);
		return List.of(
				String.format("Lag at a steady %,d events/s for %d s of %s (aim p99 < 1 s):", rate, seconds,
						streamName),
				String.format("  produce -> queryable by correlationId  n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms",
						sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
						sorted[sorted.length - 1] / 1e6),
				"  (one event in " + LAG_SAMPLE_EVERY
						+ " sampled; one poller asks for every sample stored so far, then pauses 50 ms)",
				String.format("  produce -> stored (every event: recorded_at - occurred_at)  p50=%.1f ms  p99=%.1f ms",
						stored[0], stored[1]),
				cpu);
	}

	private static long percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))];
	}

}
