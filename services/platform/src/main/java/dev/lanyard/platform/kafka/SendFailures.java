package dev.lanyard.platform.kafka;

/**
 * Words for a failed send, fit for a log line or an exception message: the failure's type
 * and its root cause's type, never their messages, since a client's or serializer's
 * message may quote the record.
 */
public final class SendFailures {

	// causes are followed this deep at most: a cycle in a cause chain must not hang us
	private static final int MAX_DEPTH = 32;

	private SendFailures() {
	}

	/** e.g. {@code KafkaException caused by TimeoutException}, or just the type. */
	public static String describe(Throwable failure) {
		if (failure == null) {
			throw new IllegalArgumentException("failure cannot be null");
		}
		Throwable root = failure;
		for (int depth = 0; depth < MAX_DEPTH && root.getCause() != null && root.getCause() != root; depth++) {
			root = root.getCause();
		}
		return (root == failure) ? failure.getClass().getSimpleName()
				: failure.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
	}

}
