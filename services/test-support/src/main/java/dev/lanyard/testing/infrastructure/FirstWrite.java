package dev.lanyard.testing.infrastructure;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits until a freshly started service's first Kafka-acknowledged write goes through. On
 * a loaded two-core machine that first send can miss the service's short ack timeout and
 * be refused with 503, as it should; the tests are about what happens after that.
 */
public final class FirstWrite {

	private FirstWrite() {
	}

	/**
	 * Repeats {@code attempt} every half second until it answers {@code accepted}; any
	 * answer but that or 503, or no success within {@code within}, fails the test.
	 * @param what what the service does once warm, for the failure message
	 */
	public static void await(String what, Duration within, int accepted, Supplier<? extends HttpAnswer> attempt)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			HttpAnswer answer = attempt.get();
			if (answer.status() == accepted) {
				return;
			}
			assertThat(answer.status()).as(answer.body()).isEqualTo(503);
			assertThat(System.nanoTime()).as("the service %s within %d s", what, within.toSeconds())
				.isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	/** An HTTP answer as a service test's own response type sees it. */
	public interface HttpAnswer {

		int status();

		String body();

	}

}
