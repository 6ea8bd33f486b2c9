package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Sends one audit event and waits for Kafka's acknowledgement for at most the ack
 * timeout, counted from the call (so a {@code send()} blocked on metadata counts too).
 */
final class AcknowledgedSend {

	private AcknowledgedSend() {
	}

	/**
	 * @param what the event's name, for the exception's message
	 */
	static <V> void send(KafkaOperations<String, V> kafka, String topic, String key, V event, Duration ackTimeout,
			String what) throws AuditTrailUnavailableException {
		long deadline = System.nanoTime() + ackTimeout.toNanos();
		CompletableFuture<SendResult<String, V>> ack;
		try {
			ack = kafka.send(topic, key, event);
		}
		catch (RuntimeException ex) {
			// metadata not available within max.block.ms, serializer cannot reach the
			// registry, ...
			throw new AuditTrailUnavailableException(what + " could not be sent: " + describe(ex), ex);
		}
		try {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new AuditTrailUnavailableException(what + " not acknowledged within " + ackTimeout.toMillis() + " ms",
					ex);
		}
		catch (ExecutionException ex) {
			throw new AuditTrailUnavailableException(what + " not acknowledged: " + describe(ex.getCause()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditTrailUnavailableException("Interrupted while waiting for the " + what + " acknowledgement",
					ex);
		}
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? ex.getClass().getSimpleName()
				: ex.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
	}

}
