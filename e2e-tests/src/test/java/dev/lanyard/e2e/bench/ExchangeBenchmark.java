package dev.lanyard.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures RFC 8693 service-account exchanges (content session token for the external
 * access token) with the external token cached, so every exchange is a cache hit whose
 * hand-out still has its TokenIssued acknowledged by Kafka before the 200. The
 * development OIDC provider stands in for the external token endpoint. Prints exchanges/s
 * and latency percentiles, straight at token-broker and through auth-gateway, each with
 * the CPU every process spent per exchange ({@link MeasuredRun}), after the
 * {@link Ceilings} (Kafka's acknowledged send alone, ES256 signing alone) measured in the
 * same run; asserts only that the runs worked (no failures, a TokenIssued record per
 * hand-out), never a speed.
 *
 * <p>
 * Run with {@code bin/lanyard bench exchange}. Knobs (system properties):
 * {@code bench.callers} (default {@code 1,16,64}), {@code bench.seconds} per variant
 * (default 20), {@code bench.warmup.requests} per path before any row (default 20,000, so
 * the JIT compiler's CPU is not counted as the exchanges'), {@code bench.warmup.seconds}
 * at most (default 120).
 */
class ExchangeBenchmark {

	private static final int MAX_EXCHANGES_PER_RUN = 500_000;

	private static final int WARM_UP_CALLERS = 32;

	private static final Duration READY_WAIT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	@Test
	void serviceAccountExchange() throws Exception {
		int[] callers = Arrays.stream(System.getProperty("bench.callers", "1,16,64").split(","))
			.map(String::trim)
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration perRun = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
		Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 120));
		int warmUpRequests = Integer.getInteger("bench.warmup.requests", 20_000);
		try (Ensemble ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-bench")))) {
			String broker = ensemble.endpoints().serviceUrl(LanyardService.TOKEN_BROKER);
			String gateway = ensemble.endpoints().gatewayUrl();
			ClientCredentials content = ensemble.demoContent();
			Lanyard lanyard = new Lanyard(gateway);
			String integrationId = linkedIntegration(ensemble, lanyard);
			String form = Lanyard
				.form(Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", lanyard.token(content),
						"subject_token_type", OAuthNames.CONTENT_SESSION, "audience", integrationId, "scope", "read"));
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString((content.clientId() + ":" + content.clientSecret()).getBytes(StandardCharsets.UTF_8));
			awaitFirstExchange(broker, basic, form);
			long recordsBefore = TokenIssuedRecords.count(ensemble);

			// through the gateway, so both processes are warm
			LoadRun.Result warm = LoadRun.run("warm-up (auth-gateway -> token-broker)", WARM_UP_CALLERS, warmUpRequests,
					warmUp, () -> exchange(gateway, basic, form));
			List<String> ceilings = Ceilings.measure(ensemble, callers, perRun);
			List<MeasuredRun> runs = new ArrayList<>();
			for (int n : callers) {
				runs.add(MeasuredRun.of(ensemble, () -> LoadRun.run("token-broker exchange", n, MAX_EXCHANGES_PER_RUN,
						perRun, () -> exchange(broker, basic, form))));
			}
			for (int n : callers) {
				runs.add(MeasuredRun.of(ensemble, () -> LoadRun.run("auth-gateway -> token-broker exchange", n,
						MAX_EXCHANGES_PER_RUN, perRun, () -> exchange(gateway, basic, form))));
			}
			List<LoadRun.Result> results = runs.stream().map(MeasuredRun::result).toList();

			long answered = warm.ok() + results.stream().mapToLong(LoadRun.Result::ok).sum();
			long recorded = TokenIssuedRecords.count(ensemble) - recordsBefore;
			System.out.println();
			System.out.println("RFC 8693 service-account exchange, external token cached (hits), TokenIssued acked "
					+ "(acks=all) per hand-out; " + Runtime.getRuntime().availableProcessors()
					+ " cores shared by load generator and ensemble");
			System.out.println(line(warm));
			ceilings.forEach(System.out::println);
			runs.forEach((run) -> {
				System.out.println(line(run.result()));
				System.out.println(run.cpu());
			});
			this.failures.forEach((reason, count) -> System.out.println("failed " + count + "x: " + reason));
			System.out.println("exchanges answered 200: " + answered + ", TokenIssued records written: " + recorded);
			System.out.println();

			assertThat(results).allSatisfy((result) -> assertThat(result.failed()).as(result.name()).isZero());
			// a request that failed after the ack could add a record without a hand-out,
			// never a hand-out without its record
			assertThat(recorded).isGreaterThanOrEqualTo(answered);
		}
	}

	/**
	 * A custom service-account integration whose token endpoint is the development OIDC
	 * provider, linked to the demo content.
	 */
	private static String linkedIntegration(Ensemble ensemble, Lanyard lanyard) throws Exception {
		String admin = lanyard.token(ensemble.administrator());
		Map<String, Object> body = new HashMap<>();
		body.put("name", "bench-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("description", "Benchmark stand-in for an external service");
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/bench/token");
		body.put("clientId", "bench-client");
		body.put("clientSecret", "bench-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("read"));
		String integrationId = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + integrationId + "/content/" + ensemble.demoContent().clientId(),
				null);
		return integrationId;
	}

	/**
	 * Waits (bounded) until token-broker's read model knows the integration and its link;
	 * the first 200 also fills the external token cache.
	 */
	private void awaitFirstExchange(String broker, String basic, String form) throws Exception {
		long deadline = System.nanoTime() + READY_WAIT.toNanos();
		HttpResponse<String> response = send(broker, basic, form);
		while (response.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = send(broker, basic, form);
		}
		assertThat(response.statusCode()).as("first exchange: " + response.body()).isEqualTo(200);
	}

	private void exchange(String baseUrl, String basic, String form) throws Exception {
		try {
			HttpResponse<String> response = send(baseUrl, basic, form);
			if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
				throw new IllegalStateException("token endpoint answered " + response.statusCode());
			}
		}
		catch (Exception ex) {
			String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (this.failures.size() < 20 || this.failures.containsKey(reason)) {
				this.failures.computeIfAbsent(reason, (r) -> new LongAdder()).increment();
			}
			throw ex;
		}
	}

	private HttpResponse<String> send(String baseUrl, String basic, String form) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String line(LoadRun.Result result) {
		return String.format(
				"%-44s callers=%3d ok=%7d failed=%5d  %8.0f exchanges/s  p50=%6.2f ms  p90=%6.2f ms  p99=%6.2f ms  max=%7.2f ms",
				result.name(), result.callers(), result.ok(), result.failed(), result.perSecond(),
				result.p50Micros() / 1000.0, result.p90Micros() / 1000.0, result.p99Micros() / 1000.0,
				result.maxMicros() / 1000.0);
	}

}
