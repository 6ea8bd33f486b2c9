package dev.lanyard.e2e.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.Viewers;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures deprovisioning latency: for each of {@code bench.users} signed-in users
 * (default 200) holding a user session token, the time from the admin API's deactivation
 * answer to the moment (a) the gateway refuses their browser session and (b) token-broker
 * refuses an exchange of their session token. Both are polled every
 * {@code bench.poll.millis} (default 5) for at most 10 s per user; users are deactivated
 * one after the other so each figure is the chain's own latency, not a queue's. Prints
 * p50/p99/max; asserts only that every user was refused within the bound. Run with
 * {@code bin/lanyard bench deprovisioning}.
 */
class DeprovisioningBenchmark {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final int SETUP_CALLERS = 8;

	@Test
	void deprovisioningToRefusal() throws Exception {
		int users = Integer.getInteger("bench.users", 200);
		long pollMillis = Long.getLong("bench.poll.millis", 5);
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (Ensemble ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-bench")))) {
			Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
			String admin = lanyard.token(ensemble.administrator());
			Viewers viewers = new Viewers(ensemble, lanyard, admin);
			String integrationId = viewers.integration("bench-deprov-" + run, List.of());

			List<Subject> subjects = signIn(lanyard, ensemble, users, run);
			for (Subject subject : subjects) {
				// token-broker knows the user and the integration: not connected yet
				awaitExchange(viewers, subject.token(), integrationId, "\"invalid_grant\"", BOUND);
			}

			long[] sessionEnded = new long[subjects.size()];
			long[] exchangeRefused = new long[subjects.size()];
			int i = 0;
			for (Subject subject : subjects) {
				lanyard.ok(admin, "POST", "/api/admin/users/" + subject.userId() + "/deactivate", null);
				long answered = System.nanoTime();
				long deadline = answered + BOUND.toNanos();
				long session = -1;
				long exchange = -1;
				while ((session < 0 || exchange < 0) && System.nanoTime() < deadline) {
					if (session < 0 && subject.browser().get("/api/me").statusCode() != 200) {
						session = System.nanoTime() - answered;
					}
					if (exchange < 0
							&& viewers.exchange(subject.token(), integrationId).body().contains("\"access_denied\"")) {
						exchange = System.nanoTime() - answered;
					}
					if (session < 0 || exchange < 0) {
						Thread.sleep(pollMillis);
					}
				}
				sessionEnded[i] = session;
				exchangeRefused[i] = exchange;
				i++;
			}

			System.out.println();
			System.out.println("Deprovisioning latency: admin API deactivation answered -> refusal; " + subjects.size()
					+ " users one after the other, polled every " + pollMillis + " ms; "
					+ Runtime.getRuntime().availableProcessors() + " cores shared by load generator and ensemble");
			System.out.println(line("browser session refused at auth-gateway", sessionEnded));
			System.out.println(line("session token refused at token-broker exchange", exchangeRefused));
			System.out.println();

			assertThat(sessionEnded).as("every browser session ended within " + BOUND).doesNotContain(-1L);
			assertThat(exchangeRefused).as("every exchange refused within " + BOUND).doesNotContain(-1L);
		}
	}

	private static List<Subject> signIn(Lanyard lanyard, Ensemble ensemble, int users, String run) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(SETUP_CALLERS);
		try {
			List<Future<Subject>> futures = new ArrayList<>();
			for (int n = 0; n < users; n++) {
				String subject = "deprov-" + run + "-" + n;
				futures.add(pool.submit(() -> {
					Browser browser = new Browser(lanyard.gateway());
					browser.signIn("dev", subject, Map.of("preferred_username", subject.replace('-', '_')));
					String userId = browser.me().get("id").asString();
					HttpResponse<String> issued = browser
						.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());
					assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
					return new Subject(browser, userId,
							Lanyard.JSON.readTree(issued.body()).get("access_token").asString());
				}));
			}
			List<Subject> subjects = new ArrayList<>();
			for (Future<Subject> future : futures) {
				subjects.add(future.get());
			}
			return subjects;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void awaitExchange(Viewers viewers, String token, String integrationId, String expected,
			Duration bound) throws Exception {
		long deadline = System.nanoTime() + bound.toNanos();
		HttpResponse<String> response = viewers.exchange(token, integrationId);
		while (!response.body().contains(expected) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = viewers.exchange(token, integrationId);
		}
		assertThat(response.body()).contains(expected);
	}

	private static String line(String name, long[] nanos) {
		long[] sorted = Arrays.stream(nanos).filter((t) -> t >= 0).sorted().toArray();
		return String.format("%-48s n=%4d  p50=%7.1f ms  p99=%7.1f ms  max=%7.1f ms  (not refused within %s: %d)", name,
				sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
				(sorted.length == 0) ? 0 : sorted[sorted.length - 1] / 1e6, BOUND, nanos.length - sorted.length);
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	/** A signed-in user: their browser, id and user session token. */
	private record Subject(Browser browser, String userId, String token) {

	}

}
