package dev.lanyard.e2e.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one request many times from a fixed number of concurrent callers, bounded in count
 * and in time, and reports throughput and latency percentiles. Latencies are measured per
 * request (closed loop: a caller sends its next request when the previous one answered).
 */
final class LoadRun {

	/** One request; returns normally when it succeeded, throws when it did not. */
	@FunctionalInterface
	interface Call {

		void run() throws Exception;

	}

	record Result(String name, int callers, long ok, long failed, Duration elapsed, long p50Micros, long p90Micros,
			long p99Micros, long maxMicros) {

		double perSecond() {
			return this.ok / (this.elapsed.toNanos() / 1e9);
		}

		@Override
		public String toString() {
			return String.format(
					"%-44s callers=%3d ok=%7d failed=%5d  %8.0f req/s  p50=%6.2f ms  p90=%6.2f ms  p99=%6.2f ms  max=%7.2f ms",
					this.name, this.callers, this.ok, this.failed, perSecond(), this.p50Micros / 1000.0,
					this.p90Micros / 1000.0, this.p99Micros / 1000.0, this.maxMicros / 1000.0);
		}

	}

	private LoadRun() {
	}

	static Result run(String name, int callers, int maxRequests, Duration maxTime, Call call)
			throws InterruptedException {
		if (callers < 1 || maxRequests < 1) {
			throw new IllegalArgumentException("callers and maxRequests must be positive");
		}
		long[] latencies = new long[maxRequests];
		AtomicInteger next = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		long deadline = System.nanoTime() + maxTime.toNanos();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < callers; c++) {
				pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < maxRequests && System.nanoTime() < deadline) {
						long t0 = System.nanoTime();
						try {
							call.run();
							latencies[i] = Math.max(1, (System.nanoTime() - t0) / 1000);
						}
						catch (Exception | AssertionError ex) {
							// a failed call counts; it must not silently end its caller
							failed.incrementAndGet();
						}
					}
				});
			}
			pool.shutdown();
			pool.awaitTermination(maxTime.toMillis() + 30_000, TimeUnit.MILLISECONDS);
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		long[] done = Arrays.stream(latencies).filter((l) -> l > 0).sorted().toArray();
		return new Result(name, callers, done.length, failed.get(), elapsed, percentile(done, 0.50),
				percentile(done, 0.90), percentile(done, 0.99), done.length == 0 ? 0 : done[done.length - 1]);
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

}
