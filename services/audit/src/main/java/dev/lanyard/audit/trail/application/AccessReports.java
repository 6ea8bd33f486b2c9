package dev.lanyard.audit.trail.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.lanyard.audit.trail.domain.AccessReport;

/** Aggregate questions over the trail, answered by the store. */
public interface AccessReports {

	/**
	 * Who received credentials for an integration in a period.
	 * @param integrationId the integration
	 * @param from inclusive, or {@code null}
	 * @param to exclusive, or {@code null}
	 * @param groupBy by user or by content
	 * @param limit at most this many holders, most credentials first
	 * @return the holders
	 * @throws TrailUnavailableException when the store cannot be reached
	 */
	List<AccessReport.Holder> holders(String integrationId, Instant from, Instant to, AccessReport.GroupBy groupBy,
			int limit);

	/**
	 * The credentials a user received in a period, newest first, each with its
	 * revocation.
	 * @param userId the user
	 * @param from inclusive, or {@code null}
	 * @param to exclusive, or {@code null}
	 * @param limit at most this many
	 * @return the credentials
	 * @throws TrailUnavailableException when the store cannot be reached
	 */
	List<AccessReport.Credential> credentials(String userId, Instant from, Instant to, int limit);

	/**
	 * Events per bucket and type in a period, oldest bucket first; empty buckets are left
	 * out.
	 * @param from inclusive
	 * @param to exclusive
	 * @param eventTypes only these, or all when empty
	 * @param bucket the bucket's width
	 * @return the counts
	 * @throws TrailUnavailableException when the store cannot be reached
	 */
	List<AccessReport.Count> counts(Instant from, Instant to, Set<String> eventTypes, AccessReport.Bucket bucket);

}
