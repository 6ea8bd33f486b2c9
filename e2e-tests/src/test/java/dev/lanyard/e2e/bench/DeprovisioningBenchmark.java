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
 * (default 200) holding a user session token and a connected viewer integration (a cached
 * external token), the time from sending the deactivation to the moment (a) the gateway
 * refuses their browser session and (b) token-broker refuses the exchange of their
 * session token that handed out the external token just before. Both are polled every
 * {@code bench.poll.millis} (default 5) for at most 10 s per user; users are deactivated
 * one after the other so each figure is the chain's own latency, not a queue's. Prints
 * p50/p99/max; asserts only that every user was refused within the bound.
 *
 * <p>
 * {@code bench.deprovision.via} names how users are deactivated, comma-separated, each
 * measured on its own users: {@code admin-api} (default; {@code POST
 * /api/admin/users/{id}/deactivate}) or {@code scim} (as Okta does it: the users were
 * pushed by SCIM before they signed in, then {@code PATCH /scim/v2/Users/{id}}
 * {@code active=false} through the gateway). Run with {@code bin/lanyard bench
 * deprovisioning} (admin API) or {@code bin/lanyard bench scim} (SCIM).
 */
class DeprovisioningBenchmark {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final int SETUP_CALLERS = 8;

	private static final Map<String, Object> OKTA_DEACTIVATION = Map.of("schemas",
			List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
			List.of(Map.of("op", "replace", "value", Map.of("active", false))));

	@Test
	void deprovisioningToRefusal() throws Exception {
		int users = Integer.getInteger("bench.users", 200);
		long pollMillis = Long.getLong("bench.poll.millis", 5);
		List<Via> ways = Arrays.stream(System.getProperty("bench.deprovision.via", "admin-api").split(","))
			.map(String::strip)
			.map(Via::of)
			.toList();
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (Ensemble ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-bench")))) {
			Lanyard lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
			String admin = lanyard.token(ensemble.administrator());
			Viewers viewers = new Viewers(ensemble, lanyard, admin);
			String integrationId = viewers.integration("bench-deprov-" + run, List.of());
			// ScimBenchmark's SCIM client, if any, belongs to its own ensemble
			String scimSecret = lanyard.ok(admin, "POST", "/api/admin/scim-clients", Map.of("name", "bench-" + run))
				.get("token")
				.asString();
			for (Via via : ways) {
				measure(via, lanyard, admin, scimSecret, ensemble, viewers, integrationId, users, pollMillis,
						run + "-" + via.value);
			}
		}
	}

	private static void measure(Via via, Lanyard lanyard, String admin, String scimSecret, Ensemble ensemble,
			Viewers viewers, String integrationId, int users, long pollMillis, String run) throws Exception {
		List<Subject> subjects = signIn(via, lanyard, scimSecret, ensemble, viewers, integrationId, users, run);
		for (Subject subject : subjects) {
			// token-broker knows the user, and hands out the external token it holds for
			// them
			awaitExchange(viewers, subject.token(), integrationId, "\"access_token\"", BOUND);
		}

		long[] requestAnswered = new long[subjects.size()];
		long[] sessionEnded = new long[subjects.size()];
		long[] exchangeRefused = new long[subjects.size()];
		int i = 0;
		for (Subject subject : subjects) {
			long sent = System.nanoTime();
			switch (via) {
				case ADMIN_API ->
					lanyard.ok(admin, "POST", "/api/admin/users/" + subject.userId() + "/deactivate", null);
				case SCIM -> lanyard.ok(scimSecret, "PATCH", "/scim/v2/Users/" + subject.userId(), OKTA_DEACTIVATION);
			}
			requestAnswered[i] = System.nanoTime() - sent;
			long deadline = sent + BOUND.toNanos();
			long session = -1;
			long exchange = -1;
			while ((session < 0 || exchange < 0) && System.nanoTime() < deadline) {
				if (session < 0 && subject.browser().get("/api/me").statusCode() != 200) {
					session = System.nanoTime() - sent;
				}
				if (exchange < 0 && viewers.exchange(subject.token(), integrationId).statusCode() != 200) {
					exchange = System.nanoTime() - sent;
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
		System.out.println("Deprovisioning latency through " + via.request + ": request sent -> refusal; "
				+ subjects.size() + " users one after the other, polled every " + pollMillis + " ms; "
				+ Runtime.getRuntime().availableProcessors() + " cores shared by load generator and ensemble");
		System.out.println(line("deactivation answered", requestAnswered));
		System.out.println(line("browser session refused at auth-gateway", sessionEnded));
		System.out.println(line("session token refused at token-broker exchange", exchangeRefused));
		System.out.println();

		assertThat(sessionEnded).as("every browser session ended within " + BOUND).doesNotContain(-1L);
		assertThat(exchangeRefused).as("every exchange refused within " + BOUND).doesNotContain(-1L);
	}

	private static List<Subject> signIn(Via via, Lanyard lanyard, String scimSecret, Ensemble ensemble, Viewers viewers,
			String integrationId, int users, String run) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(SETUP_CALLERS);
		try {
			List<Future<Subject>> futures = new ArrayList<>();
			for (int n = 0; n < users; n++) {
				String subject = "deprov-" + run + "-" + n;
				String username = subject.replace('-', '_');
				futures.add(pool.submit(() -> {
					String pushed = (via == Via.SCIM)
							? lanyard.ok(scimSecret, "POST", "/scim/v2/Users", scimUser(subject, username))
								.get("id")
								.asString()
							: null;
					Browser browser = new Browser(lanyard.gateway());
					browser.signIn("dev", subject, Map.of("preferred_username", username));
					String userId = browser.me().get("id").asString();
					if (pushed != null) {
						// one person, one user: the sign-in is the user the provider
						// pushed
						assertThat(userId).isEqualTo(pushed);
					}
					viewers.connect(browser, integrationId, subject);
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

	// Okta's user as it creates it; its externalId is the person's subject at the
	// development provider, which bin/lanyard up's SCIM binding matches at sign-in
	private static Map<String, Object> scimUser(String subject, String username) {
		return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", username,
				"externalId", subject, "active", true, "name", Map.of("givenName", "Bench", "familyName", username),
				"emails", List.of(Map.of("type", "work", "primary", true, "value", username + "@example.com")));
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

	/** How a user is deactivated. */
	private enum Via {

		ADMIN_API("admin-api", "the admin API (POST /api/admin/users/{id}/deactivate)"),

		SCIM("scim", "SCIM as Okta does it (PATCH /scim/v2/Users/{id} active=false, through the gateway)");

		private final String value;

		private final String request;

		Via(String value, String request) {
			this.value = value;
			this.request = request;
		}

		static Via of(String value) {
			return Arrays.stream(values())
				.filter((via) -> via.value.equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"bench.deprovision.via must list admin-api and/or scim, not '" + value + "'"));
		}

	}

	/** A signed-in user: their browser, id and user session token. */
	private record Subject(Browser browser, String userId, String token) {

	}

}
