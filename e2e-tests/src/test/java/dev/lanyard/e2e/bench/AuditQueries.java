package dev.lanyard.e2e.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

import static dev.lanyard.e2e.bench.AuditEventMix.CONTENT;
import static dev.lanyard.e2e.bench.AuditEventMix.GROUPS;
import static dev.lanyard.e2e.bench.AuditEventMix.INTEGRATIONS;
import static dev.lanyard.e2e.bench.AuditEventMix.USERS;

/**
 * Times auditor queries through the gateway, one caller, each call with another value of
 * its filter (a different user, content item, day…) so no answer comes from a warm single
 * row: p50/p95/max per filter, and export throughput in rows/s.
 */
final class AuditQueries {

	private static final Duration PER_KIND = Duration.ofSeconds(60);

	private static final int WARM_UP_CALLS = 50;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	private final String auditorToken;

	private final AuditEventMix mix;

	private final long produced;

	private final Instant end;

	AuditQueries(String gateway, String auditorToken, AuditEventMix mix, long produced, Instant end) {
		this.gateway = gateway;
		this.auditorToken = auditorToken;
		this.mix = mix;
		this.produced = produced;
		this.end = end;
	}

	/** One line per query kind, {@code calls} calls each (fewer if 60 s are up). */
	List<String> run(int calls) throws Exception {
		SplittableRandom random = new SplittableRandom(42);
		String events = "/api/audit/events?limit=50&";
		// the ensemble may just have started: JIT and connection pools warm on another
		// filter's values first, so the first kind timed is not the one paying for them
		SplittableRandom warming = new SplittableRandom(7);
		time("warm-up", WARM_UP_CALLS, (i) -> events + "content=" + AuditEventMix.content(warming.nextInt(CONTENT)));
		List<String> lines = new ArrayList<>();
		lines.add(time("user", calls, (i) -> events + "user=" + AuditEventMix.user(random.nextInt(USERS))));
		lines.add(time("content", calls, (i) -> events + "content=" + AuditEventMix.content(random.nextInt(CONTENT))));
		lines.add(time("integration", calls,
				(i) -> events + "integration=" + AuditEventMix.integration(random.nextInt(INTEGRATIONS))));
		lines.add(time("group", calls, (i) -> events + "group=" + AuditEventMix.group(random.nextInt(GROUPS))));
		lines.add(time("eventType=CredentialDenied (6 %)", calls, (i) -> events + "eventType=CredentialDenied"));
		lines.add(time("tokenType=content-session (38 %)", calls, (i) -> events + "tokenType=content-session"));
		lines.add(time("tokenType=user-delegated (1.3 %)", calls, (i) -> events + "tokenType=user-delegated"));
		lines.add(time("tokenType=user-federated (0.07 %)", calls, (i) -> events + "tokenType=user-federated"));
		lines.add(time("outcome=failure (6 %)", calls, (i) -> events + "outcome=failure"));
		lines.add(time("actor (a content item, rare)", calls,
				(i) -> events + "actor=" + AuditEventMix.content(random.nextInt(CONTENT))));
		lines.add(time("correlationId", calls,
				(i) -> events + "correlationId=" + this.mix.correlationId(random.nextLong(this.produced))));
		lines.add(time("time range (one day)", calls, (i) -> events + day(random)));
		lines.add(time("user + time range (one day)", calls,
				(i) -> events + "user=" + AuditEventMix.user(random.nextInt(USERS)) + "&" + day(random)));
		lines.add(time("/users/{id}/credentials", calls,
				(i) -> "/api/audit/users/" + AuditEventMix.user(random.nextInt(USERS)) + "/credentials"));
		lines.add(time("/access?integration=&groupBy=user", calls, (i) -> "/api/audit/access?groupBy=user&integration="
				+ AuditEventMix.integration(random.nextInt(INTEGRATIONS))));
		lines.add(export("export ndjson, integration=", Math.max(1, calls / 10),
				(i) -> "/api/audit/export?format=ndjson&integration="
						+ AuditEventMix.integration(random.nextInt(INTEGRATIONS))));
		lines.add(export("export ndjson, eventType=CredentialDenied", 2,
				(i) -> "/api/audit/export?format=ndjson&eventType=CredentialDenied"));
		return lines;
	}

	private String day(SplittableRandom random) {
		Instant from = this.end.minus(random.nextInt((int) AuditEventMix.SPREAD.toDays()), ChronoUnit.DAYS)
			.truncatedTo(ChronoUnit.DAYS);
		return "from=" + from + "&to=" + from.plus(1, ChronoUnit.DAYS);
	}

	private String time(String name, int calls, LongFunction<String> path) throws Exception {
		long[] nanos = new long[calls];
		long deadline = System.nanoTime() + PER_KIND.toNanos();
		int done = 0;
		while (done < calls && System.nanoTime() < deadline) {
			String query = path.apply(done);
			long t0 = System.nanoTime();
			HttpResponse<String> response = this.http.send(request(query), HttpResponse.BodyHandlers.ofString());
			nanos[done] = System.nanoTime() - t0;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
			}
			done++;
		}
		long[] sorted = Arrays.stream(nanos, 0, done).sorted().toArray();
		return String.format("  %-42s n=%4d  p50=%7.1f ms  p95=%7.1f ms  max=%7.1f ms", name, done,
				percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.95) / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private String export(String name, int calls, LongFunction<String> path) throws Exception {
		long rows = 0;
		long nanos = 0;
		for (int i = 0; i < calls; i++) {
			String query = path.apply(i);
			long t0 = System.nanoTime();
			HttpResponse<InputStream> response = this.http.send(request(query),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(query + " answered " + response.statusCode());
			}
			rows += lines(response.body());
			nanos += System.nanoTime() - t0;
		}
		return String.format("  %-42s n=%4d  %8d rows in %7.1f ms  %9.0f rows/s", name, calls, rows, nanos / 1e6,
				rows / (nanos / 1e9));
	}

	private HttpRequest request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(this.gateway + pathAndQuery))
			.header("Authorization", "Bearer " + this.auditorToken)
			.timeout(Duration.ofMinutes(10))
			.GET()
			.build();
	}

	private static long lines(InputStream body) throws IOException {
		long count = 0;
		byte[] buffer = new byte[64 * 1024];
		try (body) {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						count++;
					}
				}
			}
		}
		return count;
	}

	private static long percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))];
	}

}
