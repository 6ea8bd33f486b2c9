package dev.lanyard.e2e.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.lanyard.e2e.support.Lanyard;

/**
 * Finds when each sampled event becomes queryable through {@code /api/audit/events}.
 * Every sample is a TokenIssued for one content id of its own ({@link #content()}), so
 * one request per round, {@code content=…&from=<oldest waiting sample>}, returns every
 * sample stored so far: the resolution is one request (a few ms) plus a {@link #PAUSE} ms
 * pause, whatever the lag. (A first version asked for each waiting sample by correlation
 * id in turn: its resolution grew with the lag it measured. Polling every 10 ms cost the
 * gateway and audit about a fifth of a core at 2,000 events/s, which the lag then paid.)
 */
final class LagPoller implements Runnable {

	private static final int LIMIT = 500;

	private static final long PAUSE = 50;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ConcurrentLinkedQueue<Sample> arrived = new ConcurrentLinkedQueue<>();

	private final List<Sample> all = new ArrayList<>();

	private final String gateway;

	private final String auditorToken;

	private final String content;

	private final Duration bound;

	private volatile boolean sending = true;

	LagPoller(String gateway, String auditorToken, String run, Duration bound) {
		this.gateway = gateway;
		this.auditorToken = auditorToken;
		this.content = "lag-sample-" + run;
		this.bound = bound;
	}

	/** The content id every sample must carry. */
	String content() {
		return this.content;
	}

	/** Waits for the event of this correlation id, occurring at {@code occurredAt}. */
	void await(String correlationId, Instant occurredAt, long sentNanos) {
		Sample sample = new Sample(correlationId, occurredAt, sentNanos);
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
			if (!waiting.isEmpty()) {
				Set<String> found = queryable(waiting.get(0).occurredAt);
				long now = System.nanoTime();
				for (Iterator<Sample> it = waiting.iterator(); it.hasNext();) {
					Sample sample = it.next();
					if (found.contains(sample.correlationId)) {
						sample.lag = now - sample.sentNanos;
						it.remove();
					}
					else if (now - sample.sentNanos > this.bound.toNanos()) {
						it.remove();
					}
				}
			}
			pause();
		}
	}

	// the samples stored since the oldest one still waiting (at most a few hundred: ten a
	// second at the default rate)
	private Set<String> queryable(Instant since) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.gateway + "/api/audit/events?limit=" + LIMIT + "&content=" + this.content
					+ "&from=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + this.auditorToken)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		Set<String> found = new HashSet<>();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				Lanyard.JSON.readTree(response.body())
					.get("events")
					.forEach((event) -> found.add(event.get("correlationId").asString()));
			}
		}
		catch (Exception ex) {
			// nothing counted as queryable this round; the bound ends the wait
		}
		return found;
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Sample {

		private final String correlationId;

		private final Instant occurredAt;

		private final long sentNanos;

		private volatile long lag = -1;

		private Sample(String correlationId, Instant occurredAt, long sentNanos) {
			this.correlationId = correlationId;
			this.occurredAt = occurredAt;
			this.sentNanos = sentNanos;
		}

	}

}
