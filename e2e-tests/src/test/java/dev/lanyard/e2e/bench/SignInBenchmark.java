package dev.lanyard.e2e.bench;

import java.net.CookieManager;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures whole sign-ins through auth-gateway at the development OIDC provider: start at
 * the gateway, the provider's login form (GET, then POST), the callback, where the
 * gateway publishes UserLoggedIn and waits for user-provisioning's UserChanged before it
 * answers 302. Each sign-in has its own cookie jar, as a fresh browser would. Variants:
 * new users (a subject never seen) and returning users (the same few users again). Prints
 * sign-ins/s and latency percentiles; asserts only that the runs worked, never a speed.
 *
 * <p>
 * Run with {@code bin/lanyard bench sign-in}. Knobs (system properties):
 * {@code bench.callers} (default {@code 1,8,32}), {@code bench.seconds} per variant
 * (default 20), {@code bench.warmup.signins} before any row (default 5,000, so the JIT
 * compiler's CPU is not counted as the sign-ins'), {@code bench.warmup.seconds} at most
 * (default 180), {@code bench.returning.users} (default 500).
 */
class SignInBenchmark {

	private static final String PROVIDER = "dev";

	private static final int MAX_SIGN_INS_PER_RUN = 100_000;

	private static final int WARM_UP_CALLERS = 8;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	// a connection pool per caller, as each browser has its own connections (a client
	// per sign-in would cost the load generator a selector thread each); every client
	// made is closed at the end
	private final List<HttpClient> clients = Collections.synchronizedList(new ArrayList<>());

	private final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.clients.add(client);
		return client;
	});

	private final AtomicInteger nextUser = new AtomicInteger();

	private final List<String> signedIn = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	private String group;

	@Test
	void signIn() throws Exception {
		int[] callers = Arrays.stream(System.getProperty("bench.callers", "1,8,32").split(","))
			.map(String::trim)
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration perRun = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
		Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 180));
		int warmUpSignIns = Integer.getInteger("bench.warmup.signins", 5_000);
		int returningUsers = Integer.getInteger("bench.returning.users", 500);
		try (Ensemble ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-bench")))) {
			String gateway = ensemble.endpoints().gatewayUrl();
			Lanyard lanyard = new Lanyard(gateway);
			// groups are provisioned manually: claim one an administrator added, so a new
			// user's sign-in also syncs a membership
			this.group = "bench_" + this.run;
			lanyard.ok(lanyard.token(ensemble.administrator()), "POST", "/api/admin/groups",
					Map.of("name", this.group));

			String provider = ensemble.endpoints().oidcIssuer();
			String callback = gateway + "/login/oauth2/code/" + PROVIDER;
			List<Row> rows = new ArrayList<>();
			// by count: a sign-in's code paths run a few times per sign-in, so the
			// optimising compiler is still busy after a short timed warm-up, and its CPU
			// would be counted as the sign-ins'
			rows.add(measure(ensemble, "warm-up (new users)", WARM_UP_CALLERS, warmUpSignIns, warmUp,
					() -> signInNewUser(gateway)));
			for (int n : callers) {
				rows.add(measure(ensemble, "sign-in, new users", n, perRun, () -> signInNewUser(gateway)));
			}
			List<String> returning;
			synchronized (this.signedIn) {
				returning = List.copyOf(this.signedIn.subList(0, Math.min(returningUsers, this.signedIn.size())));
			}
			assertThat(returning).as("users who signed in").isNotEmpty();
			for (int n : callers) {
				AtomicInteger next = new AtomicInteger();
				rows.add(measure(ensemble, "sign-in, returning users (" + returning.size() + ")", n, perRun,
						() -> signIn(gateway, returning.get(Math.floorMod(next.getAndIncrement(), returning.size())))));
			}
			// the provider's part alone, same load generator: no whole sign-in can be
			// faster here than this
			for (int n : callers) {
				AtomicInteger next = new AtomicInteger();
				rows.add(measure(ensemble, "provider alone (form, post, code->tokens)", n, perRun,
						() -> providerAlone(provider, callback,
								returning.get(Math.floorMod(next.getAndIncrement(), returning.size())))));
			}

			System.out.println();
			System.out.println("Whole sign-in through auth-gateway at the development OIDC provider (4 HTTP exchanges, "
					+ "UserLoggedIn -> user-provisioning -> UserChanged), fresh cookie jar each; "
					+ Runtime.getRuntime().availableProcessors() + " cores shared by load generator and ensemble");
			rows.forEach((row) -> {
				System.out.println(line(row.result()));
				System.out.println(row.cpu());
				System.out.println(row.steps());
			});
			this.failures.forEach((reason, count) -> System.out.println("failed " + count + "x: " + reason));
			System.out.println();

			List<LoadRun.Result> results = rows.stream().skip(1).map(Row::result).toList();
			assertThat(results).allSatisfy((result) -> assertThat(result.failed()).as(result.name()).isZero());
		}
	}

	// per step of the row being measured: total microseconds and count of its answers
	private final Map<String, LongAdder[]> steps = Collections.synchronizedMap(new LinkedHashMap<>());

	private record Row(LoadRun.Result result, String cpu, String steps) {
	}

	private Row measure(Ensemble ensemble, String name, int callers, Duration time, LoadRun.Call call)
			throws InterruptedException {
		return measure(ensemble, name, callers, MAX_SIGN_INS_PER_RUN, time, call);
	}

	private Row measure(Ensemble ensemble, String name, int callers, int maxSignIns, Duration time, LoadRun.Call call)
			throws InterruptedException {
		this.steps.clear();
		// when each row ran, to line up a profiler's recording with it
		System.out.println(java.time.Instant.now() + " row started: " + name + ", callers=" + callers);
		CpuUse before = CpuUse.of(ensemble);
		LoadRun.Result result = LoadRun.run(name, callers, maxSignIns, time, () -> {
			try {
				call.run();
			}
			catch (Exception ex) {
				// the first 20 distinct reasons are counted and printed with the figures
				String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				if (this.failures.size() < 20 || this.failures.containsKey(reason)) {
					this.failures.computeIfAbsent(reason, (r) -> new LongAdder()).increment();
				}
				throw ex;
			}
		});
		CpuUse after = CpuUse.of(ensemble);
		String stepMeans;
		synchronized (this.steps) {
			stepMeans = this.steps.entrySet()
				.stream()
				.map((step) -> String.format("%s %.1f", step.getKey(),
						step.getValue()[0].sum() / 1000.0 / Math.max(1, step.getValue()[1].sum())))
				.collect(Collectors.joining(", ", "    mean ms per answer: ", ""));
		}
		// the row's callers are done: so are their clients
		synchronized (this.clients) {
			this.clients.forEach(HttpClient::close);
			this.clients.clear();
		}
		return new Row(result, after.perOperationSince(before, result.ok()), stepMeans);
	}

	/**
	 * What a sign-in asks of the provider, without the gateway: the authorization request
	 * (login form), the form post that answers with a code, and the code exchanged for
	 * tokens (PKCE S256, client authentication as the gateway's).
	 */
	private void providerAlone(String issuer, String redirectUri, String subject) throws Exception {
		String verifier = Pkce.verifier();
		URI authorize = URI.create(issuer + "/authorize?"
				+ Lanyard.form(Map.of("response_type", "code", "client_id", "lanyard", "redirect_uri", redirectUri,
						"scope", "openid email profile", "state", Pkce.verifier(), "nonce", Pkce.verifier(),
						"code_challenge", Pkce.challenge(verifier), "code_challenge_method", "S256")));
		CookieManager jar = new CookieManager();
		String code = Pkce.queryParameter(answerLoginForm(jar, authorize, subject), "code");
		HttpResponse<String> tokens = send("token", jar, HttpRequest.newBuilder(URI.create(issuer + "/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("lanyard:bench".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard.form(Map.of("grant_type", "authorization_code", "code",
					code, "redirect_uri", redirectUri, "code_verifier", verifier)))));
		expect("token", tokens, 200);
		if (!tokens.body().contains("\"id_token\"")) {
			throw new IllegalStateException("token answered without an ID token");
		}
	}

	/**
	 * The person at the provider: the login form, then the form post with the subject's
	 * claims; where the provider redirects with its code.
	 */
	private URI answerLoginForm(CookieManager jar, URI authorize, String subject) throws Exception {
		expect("login form", send("login form", jar, HttpRequest.newBuilder(authorize)), 200);
		HttpResponse<String> answered = send("login form post", jar, HttpRequest.newBuilder(authorize)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard
				.form(Map.of("username", subject, "claims", Lanyard.JSON.writeValueAsString(claims(subject)))))));
		expect("login form post", answered, 302);
		return URI.create(answered.headers().firstValue("Location").orElseThrow());
	}

	private void signInNewUser(String gateway) throws Exception {
		String subject = "bench-" + this.run + "-" + this.nextUser.incrementAndGet();
		signIn(gateway, subject);
		this.signedIn.add(subject);
	}

	/**
	 * One whole sign-in of the subject with a fresh cookie jar; throws unless it
	 * completed.
	 */
	private void signIn(String gateway, String subject) throws Exception {
		CookieManager jar = new CookieManager();
		HttpResponse<String> start = send("start", jar,
				HttpRequest.newBuilder(URI.create(gateway + "/login/" + PROVIDER)));
		expect("start", start, 302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> callback = send("callback", jar,
				HttpRequest.newBuilder(answerLoginForm(jar, authorize, subject)));
		expect("callback", callback, 302);
		String landing = callback.headers().firstValue("Location").orElse("");
		if (landing.contains("error") || landing.contains("/login")) {
			throw new IllegalStateException("callback redirected to " + landing);
		}
	}

	private Map<String, Object> claims(String subject) {
		String username = subject.replace('-', '_');
		return Map.of("preferred_username", username, "email", username + "@example.com", "given_name", "Bench",
				"family_name", "User", "groups", List.of(this.group));
	}

	/**
	 * Sends with the jar's cookies and keeps the ones the answer sets; a failure names
	 * the step.
	 */
	private HttpResponse<String> send(String step, CookieManager jar, HttpRequest.Builder builder) throws Exception {
		HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
		jar.get(request.uri(), Map.of()).forEach((name, values) -> {
			if (!values.isEmpty()) {
				builder.header(name, String.join("; ", values));
			}
		});
		HttpResponse<String> response;
		long started = System.nanoTime();
		try {
			response = this.http.get().send(builder.build(), HttpResponse.BodyHandlers.ofString());
			LongAdder[] times = this.steps.computeIfAbsent(step,
					(name) -> new LongAdder[] { new LongAdder(), new LongAdder() });
			times[0].add((System.nanoTime() - started) / 1000);
			times[1].increment();
		}
		catch (java.io.IOException ex) {
			throw new java.io.IOException(step + ": " + ex, ex);
		}
		jar.put(request.uri(), response.headers().map());
		return response;
	}

	private static void expect(String step, HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of " + status);
		}
	}

	private static String line(LoadRun.Result result) {
		return String.format(
				"%-44s callers=%3d ok=%6d failed=%4d  %7.1f sign-ins/s  p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%8.2f ms",
				result.name(), result.callers(), result.ok(), result.failed(), result.perSecond(),
				result.p50Micros() / 1000.0, result.p90Micros() / 1000.0, result.p99Micros() / 1000.0,
				result.maxMicros() / 1000.0);
	}

}
