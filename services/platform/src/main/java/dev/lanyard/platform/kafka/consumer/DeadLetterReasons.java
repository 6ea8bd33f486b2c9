package dev.lanyard.platform.kafka.consumer;

import java.util.Set;

/**
 * Why a record was dead-lettered, in words fit for a log line and the {@link #HEADER}
 * header: the message of an {@link UnreadableRecordException} or of an exception type the
 * service vouches for (its messages name types and fields only), else exception types
 * without messages, since a driver's or client's message may quote record content.
 */
public final class DeadLetterReasons {

	/**
	 * Header of a dead-lettered record saying why (Spring's own says only "failed to
	 * deserialize").
	 */
	public static final String HEADER = "lanyard_dlt-reason";

	private static final int MAX_DEPTH = 32;

	private DeadLetterReasons() {
	}

	public static String reason(Throwable failure, Set<Class<? extends Throwable>> quotable) {
		if (failure == null) {
			throw new IllegalArgumentException("failure cannot be null");
		}
		if (quotable == null) {
			throw new IllegalArgumentException("quotable cannot be null");
		}
		Throwable root = failure;
		Throwable cause = failure;
		for (int depth = 0; depth < MAX_DEPTH && cause != null; depth++) {
			if (cause instanceof UnreadableRecordException || isQuotable(cause, quotable)) {
				return cause.getMessage();
			}
			root = cause;
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return (root == failure) ? failure.getClass().getName()
				: failure.getClass().getName() + " caused by " + root.getClass().getName();
	}

	private static boolean isQuotable(Throwable cause, Set<Class<? extends Throwable>> quotable) {
		return quotable.stream().anyMatch((type) -> type.isInstance(cause));
	}

}
