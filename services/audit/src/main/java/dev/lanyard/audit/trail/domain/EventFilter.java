package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Which events a query selects; every absent ({@code null}, or an empty set) criterion
 * matches all. Build one with {@link #builder()}.
 *
 * @param subjectId exact subject id
 * @param userId exact user id (subject user, or the user a user or group event names)
 * @param contentId exact content id
 * @param integrationId exact integration id
 * @param groupId exact group id
 * @param eventTypes any of these event types
 * @param tokenType exact token type
 * @param tokenSha256 exact token hash (lower-case hex)
 * @param grantType exact OAuth grant type
 * @param outcome {@code success} or {@code failure}
 * @param actorId exact actor id
 * @param correlationId exact correlation id
 * @param onBehalfOfUserId exact user a credential was issued on behalf of (backend
 * mapping)
 * @param federatedIssuer exact issuer of a federated token presented (TokenIssued,
 * CredentialDenied)
 * @param from earliest {@code occurredAt}, inclusive
 * @param to latest {@code occurredAt}, exclusive
 */
public record EventFilter(String subjectId, String userId, String contentId, String integrationId, String groupId,
		Set<String> eventTypes, String tokenType, String tokenSha256, String grantType, String outcome, String actorId,
		String correlationId, String onBehalfOfUserId, String federatedIssuer, Instant from, Instant to) {

	public static final EventFilter ALL = builder().build();

	public EventFilter {
		subjectId = Guards.blankToNull(subjectId);
		userId = Guards.blankToNull(userId);
		contentId = Guards.blankToNull(contentId);
		integrationId = Guards.blankToNull(integrationId);
		groupId = Guards.blankToNull(groupId);
		eventTypes = (eventTypes != null) ? Set.copyOf(eventTypes) : Set.of();
		tokenType = Guards.blankToNull(tokenType);
		tokenSha256 = Guards.blankToNull(tokenSha256);
		grantType = Guards.blankToNull(grantType);
		outcome = Guards.blankToNull(outcome);
		if (outcome != null && !Outcome.ALL.contains(outcome)) {
			throw new IllegalArgumentException("outcome must be one of " + Outcome.ALL);
		}
		actorId = Guards.blankToNull(actorId);
		correlationId = Guards.blankToNull(correlationId);
		onBehalfOfUserId = Guards.blankToNull(onBehalfOfUserId);
		federatedIssuer = Guards.blankToNull(federatedIssuer);
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Collects the criteria; each setter replaces the previous value. */
	public static final class Builder {

		private String subjectId;

		private String userId;

		private String contentId;

		private String integrationId;

		private String groupId;

		private Set<String> eventTypes;

		private String tokenType;

		private String tokenSha256;

		private String grantType;

		private String outcome;

		private String actorId;

		private String correlationId;

		private String onBehalfOfUserId;

		private String federatedIssuer;

		private Instant from;

		private Instant to;

		private Builder() {
		}

		public Builder subjectId(String subjectId) {
			this.subjectId = subjectId;
			return this;
		}

		public Builder userId(String userId) {
			this.userId = userId;
			return this;
		}

		public Builder contentId(String contentId) {
			this.contentId = contentId;
			return this;
		}

		public Builder integrationId(String integrationId) {
			this.integrationId = integrationId;
			return this;
		}

		public Builder groupId(String groupId) {
			this.groupId = groupId;
			return this;
		}

		public Builder eventTypes(Set<String> eventTypes) {
			this.eventTypes = eventTypes;
			return this;
		}

		public Builder tokenType(String tokenType) {
			this.tokenType = tokenType;
			return this;
		}

		public Builder tokenSha256(String tokenSha256) {
			this.tokenSha256 = tokenSha256;
			return this;
		}

		public Builder grantType(String grantType) {
			this.grantType = grantType;
			return this;
		}

		public Builder outcome(String outcome) {
			this.outcome = outcome;
			return this;
		}

		public Builder actorId(String actorId) {
			this.actorId = actorId;
			return this;
		}

		public Builder correlationId(String correlationId) {
			this.correlationId = correlationId;
			return this;
		}

		public Builder onBehalfOfUserId(String onBehalfOfUserId) {
			this.onBehalfOfUserId = onBehalfOfUserId;
			return this;
		}

		public Builder federatedIssuer(String federatedIssuer) {
			this.federatedIssuer = federatedIssuer;
			return this;
		}

		public Builder from(Instant from) {
			this.from = from;
			return this;
		}

		public Builder to(Instant to) {
			this.to = to;
			return this;
		}

		public EventFilter build() {
			return new EventFilter(this.subjectId, this.userId, this.contentId, this.integrationId, this.groupId,
					this.eventTypes, this.tokenType, this.tokenSha256, this.grantType, this.outcome, this.actorId,
					this.correlationId, this.onBehalfOfUserId, this.federatedIssuer, this.from, this.to);
		}

	}

}
