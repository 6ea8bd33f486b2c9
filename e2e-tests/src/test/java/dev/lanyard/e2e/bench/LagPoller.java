package dev.lanyard.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finds when each sampled event becomes queryable through
 * {@code /api/audit/events?correlationId=}: one thread asks for each waiting sample in
 * turn, one request at a time, so the measurement adds at most one caller's load to the
 * ensemble whatever the lag (many concurrent pollers would make the lag they measure).
 * The resolution is the time to ask for every waiting sample once (about 20 ms each), so
 * the benchmark also prints produce-to-stored for every event from the database.
 */
final class LagPoller implements Runnable {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ConcurrentLinkedQueue<Sample> arrived = new ConcurrentLinkedQueue<>();

	private final List<Sample> all = new ArrayList<>();

	private final String gateway;

	private final String auditorToken;

	private final Duration bound;

	private volatile boolean sending = true;

	LagPoller(String gateway, String auditorToken, Duration bound) {
		this.gateway = gateway;
		this.auditorToken = auditorToken;
		this.bound = bound;
	}

	/** Waits for the event of this correlation id, sent at {@code sentNanos}. */
	void await(String correlationId, long sentNanos) {
		Sample sample = new Sample(correlationId, sentNanos);
		this.all.add(sample);
		this.arrived.add(sample);
	}

	/**
	 * Once every sample was found or its bound passed: their lags, -1 where not found.
	 */
	long[] finish(Thread polling) throws InterruptedException {
		this.sending = false;
		polling.join();
		return this.all.stream().mapToLong((sample) -> sample.lag).toArray();
	}

	@Override
	public void run() {
		List<Sample> waiting = new ArrayList<>();
		while (this.sending || !this.arrived.isEmpty() || !waiting.isEmpty()) {
			for (Sample sample = this.arrived.poll(); sample != null; sample = this.arrived.poll()) {
				waiting.add(sample);
			}
			for (Iterator<Sample> it = waiting.iterator(); it.hasNext();) {
				Sample sample = it.next();
				boolean found = queryable(sample.correlationId);
				pause();
				if (found) {
					sample.lag = System.nanoTime() - sample.sentNanos;
					it.remove();
				}
				else if (System.nanoTime() - sample.sentNanos > this.bound.toNanos()) {
					it.remove();
				}
			}
			pause();
		}
	}

	private boolean queryable(String correlationId) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.gateway + "/api/audit/events?limit=1&correlationId=" + correlationId))
			.header("Authorization", "Bearer " + this.auditorToken)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains(correlationId);
		}
		catch (Exception ex) {
			// counted as not yet queryable; the bound ends the wait
			return false;
		}
	}

	// after each request (at most ~60 requests/s: a first version without it cost the
	// gateway and audit half a core at 1M events) and between rounds, so an empty round
	// does not spin
	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Sample {

		private final String correlationId;

		private final long sentNanos;

		private volatile long lag = -1;

		private Sample(String correlationId, long sentNanos) {
			this.correlationId = correlationId;
			this.sentNanos = sentNanos;
		}

	}

}
