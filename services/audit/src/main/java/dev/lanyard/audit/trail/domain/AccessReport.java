package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.List;

/**
 * The answers to "who had access": the records each report is made of.
 */
public final class AccessReport {

	private AccessReport() {
	}

	/** How {@link Holder}s are grouped. */
	public enum GroupBy {

		USER, CONTENT

	}

	/**
	 * Everyone (a user or a content) who received credentials for one integration in a
	 * period.
	 *
	 * @param id the user id or content id; {@code null} gathers credentials without one
	 * @param credentials how many were issued
	 * @param onBehalfOf of those, how many content received acting for the user (by user
	 * only; backend mapping)
	 * @param firstIssuedAt the first in the period
	 * @param lastIssuedAt the last in the period
	 * @param tokenTypes the kinds of credential, sorted
	 */
	public record Holder(String id, long credentials, long onBehalfOf, Instant firstIssuedAt, Instant lastIssuedAt,
			List<String> tokenTypes) {

		public Holder {
			Guards.notNull(firstIssuedAt, "firstIssuedAt");
			Guards.notNull(lastIssuedAt, "lastIssuedAt");
			tokenTypes = List.copyOf(Guards.notNull(tokenTypes, "tokenTypes"));
		}

	}

	/**
	 * One credential a person received, or content received acting for them, and its end.
	 *
	 * @param issuance the TokenIssued event
	 * @param revokedAt when the first TokenRevoked that covers it (by token id or hash,
	 * or all the person's credentials, for its integration or all) occurred before it
	 * expired, or {@code null}
	 * @param revocationReason that revocation's reason, or {@code null}
	 * @param revocationEventId that revocation's event id, or {@code null}
	 * @param onBehalfOf whether it was issued to content acting for the person (backend
	 * mapping: the credential is the content's service account's), not to the person
	 */
	public record Credential(StoredEvent issuance, Instant revokedAt, String revocationReason, String revocationEventId,
			boolean onBehalfOf) {

		public Credential {
			Guards.notNull(issuance, "issuance");
		}

	}

	/**
	 * How many events of one type occurred in one bucket.
	 *
	 * @param start the bucket's first instant (UTC)
	 * @param eventType the event type
	 * @param count how many
	 */
	public record Count(Instant start, String eventType, long count) {

		public Count {
			Guards.notNull(start, "start");
			Guards.notBlank(eventType, "eventType");
		}

	}

	/** The width of a {@link Count}'s bucket. */
	public enum Bucket {

		HOUR, DAY

	}

}
