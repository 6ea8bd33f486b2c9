package dev.lanyard.e2e.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.launcher.ClientCredentials;

/**
 * A steady, bounded stream of client-credentials issuances through the gateway: a few
 * workers, each at a fixed pace, until stopped, {@code maxRequests} sent or
 * {@code maxRunTime} passed. Keeps each answer's status and, for a credential, only its
 * SHA-256 (never the value).
 */
final class IssuanceLoad implements AutoCloseable {

	private static final int WORKERS = 4;

	/** Per worker: about 40 requests a second in all, light next to a 2-core machine. */
	private static final Duration PACE = Duration.ofMillis(100);

	private final Lanyard lanyard;

	private final ClientCredentials client;

	private final Map<String, String> form;

	private final int maxRequests;

	private final Instant deadline;

	private final Queue<Issuance> issuances = new ConcurrentLinkedQueue<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final List<Thread> workers = new ArrayList<>();

	private IssuanceLoad(Lanyard lanyard, ClientCredentials client, Map<String, String> form, int maxRequests,
			Duration maxRunTime) {
		this.lanyard = lanyard;
		this.client = client;
		this.form = Map.copyOf(form);
		this.maxRequests = maxRequests;
		this.deadline = Instant.now().plus(maxRunTime);
	}

	static IssuanceLoad start(Lanyard lanyard, ClientCredentials client, int maxRequests, Duration maxRunTime) {
		return start(lanyard, client, Map.of("grant_type", "client_credentials"), WORKERS, maxRequests, maxRunTime);
	}

	/**
	 * The same stream for any token request {@code form} (e.g. a token exchange), from
	 * {@code workers} workers at the same pace each.
	 */
	static IssuanceLoad start(Lanyard lanyard, ClientCredentials client, Map<String, String> form, int workers,
			int maxRequests, Duration maxRunTime) {
		IssuanceLoad load = new IssuanceLoad(lanyard, client, form, maxRequests, maxRunTime);
		for (int i = 0; i < workers; i++) {
			load.workers.add(Thread.ofVirtual().name("issuance-load-" + i).start(load::run));
		}
		return load;
	}

	/** Requests in flight at most: one per worker. */
	static int workers() {
		return WORKERS;
	}

	/** Answers so far (a snapshot). */
	List<Issuance> issuances() {
		return List.copyOf(this.issuances);
	}

	long answered() {
		return this.issuances.stream().filter(Issuance::answered).count();
	}

	/**
	 * Waits, bounded, until {@code count} credentials were answered after {@code since}.
	 */
	void awaitAnswered(int count, Instant since, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (this.issuances.stream().filter((i) -> i.answered() && i.sentAt().isAfter(since)).count() < count) {
			if (System.nanoTime() > end || !running()) {
				throw new IllegalStateException("Fewer than " + count + " credentials answered since " + since
						+ " within " + timeout + "; load " + Outcomes.of(issuances()));
			}
			Thread.sleep(50);
		}
	}

	/** Stops sending and waits for the requests in flight; returns every answer. */
	List<Issuance> stop() throws InterruptedException {
		this.stopping.set(true);
		for (Thread worker : this.workers) {
			worker.join(Duration.ofSeconds(30));
		}
		return issuances();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private boolean running() {
		return !this.stopping.get() && Instant.now().isBefore(this.deadline);
	}

	private void run() {
		while (running() && this.sent.incrementAndGet() <= this.maxRequests) {
			long next = System.nanoTime() + PACE.toNanos();
			this.issuances.add(issue());
			long rest = next - System.nanoTime();
			if (rest > 0) {
				try {
					Thread.sleep(Duration.ofNanos(rest));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private Issuance issue() {
		Instant sentAt = Instant.now();
		try {
			HttpResponse<String> response = this.lanyard.tokenRequest(this.client, this.form);
			String hash = null;
			if (response.statusCode() == 200) {
				hash = Lanyard.sha256(Lanyard.JSON.readTree(response.body()).get("access_token").asString());
			}
			boolean oauthRefusal = response.statusCode() == 503 && response.body().contains("temporarily_unavailable")
					&& !response.body().contains("access_token");
			return new Issuance(sentAt, Instant.now(), response.statusCode(), hash, oauthRefusal);
		}
		catch (Exception ex) {
			// no answer at all (connection refused, timeout): status 0
			return new Issuance(sentAt, Instant.now(), 0, null, false);
		}
	}

	/**
	 * One request's outcome.
	 *
	 * @param status the HTTP status, 0 when there was no answer
	 * @param tokenSha256 the credential's SHA-256 when one was answered
	 * @param oauthRefusal a 503 {@code temporarily_unavailable} without a credential
	 */
	record Issuance(Instant sentAt, Instant answeredAt, int status, String tokenSha256, boolean oauthRefusal) {

		boolean answered() {
			return this.tokenSha256 != null;
		}

	}

	/** Counts of a load's outcomes. */
	record Outcomes(int requests, int answered, int refused503, int other) {

		static Outcomes of(List<Issuance> issuances) {
			int answered = (int) issuances.stream().filter(Issuance::answered).count();
			int refused = (int) issuances.stream().filter(Issuance::oauthRefusal).count();
			return new Outcomes(issuances.size(), answered, refused, issuances.size() - answered - refused);
		}

	}

}
