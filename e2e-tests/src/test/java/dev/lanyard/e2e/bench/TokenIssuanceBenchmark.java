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
import java.util.List;

import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures client-credentials issuance with the ensemble the launcher starts: every token
 * answered 200 had its TokenIssued event acknowledged by Kafka ({@code acks=all}) first.
 * Prints requests/s and latency percentiles per variant; asserts only that the runs
 * worked (no failures, one TokenIssued record per token), never a speed. Every row prints
 * the CPU each process spent per request ({@link MeasuredRun}); the first rows are the
 * {@link Ceilings}: Kafka's acknowledgement alone and ES256 signing alone, the parts of
 * every issuance no tuning of the services removes. The last rows are the floor under the
 * gateway's cost: the leanest Reactor Netty proxy in front of token-broker
 * ({@link ProxyCeiling}), with its own JVM's CPU per request.
 *
 * <p>
 * Run with {@code bin/lanyard bench}. Knobs (system properties): {@code bench.callers}
 * (comma-separated, default {@code 1,16,64}), {@code bench.seconds} per variant (default
 * 20), {@code bench.warmup.requests} per path before any row (default 20,000, so the JIT
 * compiler's CPU is not counted as the requests'), {@code bench.warmup.seconds} at most
 * (default 120).
 */
class TokenIssuanceBenchmark {

	private static final int MAX_REQUESTS_PER_RUN = 500_000;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void clientCredentialsIssuance() throws Exception {
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
			long recordsBefore = TokenIssuedRecords.count(ensemble);

			// both processes warm (JIT-compiled) before any row is measured
			LoadRun.Result warm = LoadRun.run("warm-up (token-broker)", 32, warmUpRequests, warmUp.dividedBy(2),
					() -> issue(broker, content));
			LoadRun.Result warmGateway = LoadRun.run("warm-up (auth-gateway -> token-broker)", 32, warmUpRequests,
					warmUp.dividedBy(2), () -> issue(gateway, content));
			List<String> ceilings = Ceilings.measure(ensemble, callers, perRun);
			List<MeasuredRun> runs = new ArrayList<>();
			for (int n : callers) {
				runs.add(MeasuredRun.of(ensemble, () -> LoadRun.run("token-broker /oauth2/token", n,
						MAX_REQUESTS_PER_RUN, perRun, () -> issue(broker, content))));
			}
			for (int n : callers) {
				runs.add(MeasuredRun.of(ensemble, () -> LoadRun.run("auth-gateway -> token-broker /oauth2/token", n,
						MAX_REQUESTS_PER_RUN, perRun, () -> issue(gateway, content))));
			}
			List<String> proxyFloor = new ArrayList<>();
			LoadRun.Result warmProxy;
			try (ProxyCeiling proxy = ProxyCeiling.start(broker)) {
				// JIT-compiled like the gateway before its rows
				warmProxy = LoadRun.run("warm-up (Reactor Netty proxy -> token-broker)", 32, warmUpRequests,
						warmUp.dividedBy(2), () -> issue(proxy.url(), content));
				for (int n : callers) {
					long cpuBefore = proxy.cpuNanos();
					MeasuredRun run = MeasuredRun.of(ensemble,
							() -> LoadRun.run("Reactor Netty proxy alone -> token-broker (floor)", n,
									MAX_REQUESTS_PER_RUN, perRun, () -> issue(proxy.url(), content)));
					runs.add(run);
					proxyFloor.add(String.format("    CPU ms per operation of the proxy's own JVM: %.3f",
							(proxy.cpuNanos() - cpuBefore) / 1e6 / Math.max(1, run.result().ok())));
				}
			}
			List<LoadRun.Result> results = runs.stream().map(MeasuredRun::result).toList();

			long issued = warm.ok() + warmGateway.ok() + warmProxy.ok()
					+ results.stream().mapToLong(LoadRun.Result::ok).sum();
			long recorded = TokenIssuedRecords.count(ensemble) - recordsBefore;
			System.out.println();
			System.out.println("Client-credentials issuance, ES256 JWT, TokenIssued acked (acks=all) per token; "
					+ Runtime.getRuntime().availableProcessors() + " cores shared by load generator and ensemble");
			System.out.println(warm);
			System.out.println(warmGateway);
			System.out.println(warmProxy);
			ceilings.forEach(System.out::println);
			for (int i = 0; i < runs.size(); i++) {
				System.out.println(runs.get(i).result());
				System.out.println(runs.get(i).cpu());
				int floorRow = i - 2 * callers.length;
				if (floorRow >= 0) {
					System.out.println(proxyFloor.get(floorRow));
				}
			}
			System.out.println("tokens answered 200: " + issued + ", TokenIssued records written: " + recorded);
			System.out.println();

			assertThat(results).allSatisfy((result) -> assertThat(result.failed()).as(result.name()).isZero());
			// Every token handed out has its record; a request that failed after the ack
			// could add one more record than tokens, never fewer.
			assertThat(recorded).isGreaterThanOrEqualTo(issued);
		}
	}

	private void issue(String baseUrl, ClientCredentials client) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
			throw new IllegalStateException("token endpoint answered " + response.statusCode());
		}
	}

}
