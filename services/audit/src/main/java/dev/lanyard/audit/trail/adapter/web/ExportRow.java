package dev.lanyard.audit.trail.adapter.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventDetails;
import dev.lanyard.audit.trail.domain.OcsfClass;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;

/**
 * One exported event as OCSF-named fields (dotted paths: CSV headers as they are, nested
 * objects in NDJSON). What OCSF has no attribute for is under {@code unmapped}, as OCSF
 * itself prescribes. The mapping is stated in the service's README.
 */
final class ExportRow {

	/** The fields, in column order. */
	static final List<String> FIELDS = List.of("time", "time_dt", "metadata.uid", "metadata.correlation_uid",
			"metadata.logged_time_dt", "metadata.log_provider", "metadata.event_code", "class_uid", "class_name",
			"activity_id", "activity_name", "status_id", "status", "status_detail", "actor.user.uid", "user.uid",
			"user.type", "group.uid", "group.name", "service.uid", "unmapped.subject_type", "unmapped.user_id",
			"unmapped.content_id", "unmapped.token_type", "unmapped.token_id", "unmapped.token_sha256",
			"unmapped.grant_type", "unmapped.scopes", "unmapped.audience", "unmapped.expires_at_dt",
			"unmapped.details");

	private ExportRow() {
	}

	/**
	 * @param stored an event
	 * @return its values in {@link #FIELDS} order: strings, numbers, lists of strings, a
	 * details record, or {@code null}
	 */
	static List<Object> values(StoredEvent stored) {
		AuditEvent event = stored.event();
		EventDetails details = stored.details();
		OcsfClass ocsf = OcsfClass.of(event, details);
		Subject subject = event.subject();
		TokenFacts token = (event.token() != null) ? event.token()
				: new TokenFacts(null, null, null, null, null, null, null);
		boolean failed = "failure".equals(event.outcome());
		Object[] values = { event.occurredAt().toEpochMilli(), event.occurredAt().toString(),
				event.eventId().toString(), event.correlationId(), stored.recordedAt().toString(), event.producer(),
				event.eventType(), ocsf.classUid(), ocsf.className(), ocsf.activityId(), ocsf.activityName(),
				failed ? 2 : 1, failed ? "Failure" : "Success", statusDetail(details), event.actorId(),
				(subject != null) ? subject.id() : event.userId(),
				(subject != null) ? subject.label() : ((event.userId() != null) ? "user" : null), event.groupId(),
				(details instanceof EventDetails.GroupMembership m) ? m.groupName() : null, event.integrationId(),
				(subject != null) ? subject.type() : null, event.userId(), event.contentId(), token.tokenType(),
				token.tokenId(), token.tokenSha256(), token.grantType(), token.scopes(), token.audience(),
				(token.expiresAt() != null) ? token.expiresAt().toString() : null, details };
		return new ArrayList<>(Arrays.asList(values));
	}

	private static String statusDetail(EventDetails details) {
		return switch (details) {
			case EventDetails.SignInRefused r -> r.reason();
			case EventDetails.Denial d -> d.reason();
			case EventDetails.Revocation r -> r.reason();
			case EventDetails.Deactivation d -> d.reason();
			case EventDetails.GroupMembership m -> m.change();
			case null, default -> null;
		};
	}

}
