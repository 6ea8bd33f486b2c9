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
			"activity_id", "activity_name", "status_id", "status", "status_detail", "actor.user.uid", "actor.idp.uid",
			"user.uid", "user.type_id", "user.type", "group.uid", "group.name", "service.uid", "unmapped.subject_type",
			"unmapped.user_id", "unmapped.content_id", "unmapped.token_type", "unmapped.token_id",
			"unmapped.token_sha256", "unmapped.grant_type", "unmapped.scopes", "unmapped.audience",
			"unmapped.expires_at_dt", "unmapped.federated_subject", "unmapped.on_behalf_of_user_id",
			"unmapped.actor_chain", "unmapped.details");

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
				federation(details, true), (subject != null) ? subject.id() : event.userId(),
				userTypeId((subject != null) ? subject.type() : ((event.userId() != null) ? "user" : null)),
				(subject != null) ? subject.label() : ((event.userId() != null) ? "user" : null), event.groupId(),
				(details instanceof EventDetails.GroupMembership m) ? m.groupName() : null, event.integrationId(),
				(subject != null) ? subject.type() : null, event.userId(), event.contentId(), token.tokenType(),
				token.tokenId(), token.tokenSha256(), token.grantType(), token.scopes(), token.audience(),
				(token.expiresAt() != null) ? token.expiresAt().toString() : null, federation(details, false),
				(details instanceof EventDetails.Issuance i) ? i.onBehalfOfUserId() : null, actorChain(details),
				details };
		return new ArrayList<>(Arrays.asList(values));
	}

	// OCSF user.type_id: 1 User, 2 Admin, 3 System, 99 Other; user.type keeps Lanyard's
	// label, which says more.
	private static Integer userTypeId(String subjectType) {
		if (subjectType == null) {
			return null;
		}
		return switch (subjectType) {
			case "user" -> 1;
			case "administrator" -> 2;
			case "content", "gateway", "service" -> 3;
			default -> 99;
		};
	}

	// The federated token's issuer is the identity provider that vouched for the subject
	// (OCSF actor.idp); its sub has no OCSF attribute.
	private static String federation(EventDetails details, boolean issuer) {
		return switch (details) {
			case EventDetails.Issuance i -> issuer ? i.federatedIssuer() : i.federatedSubject();
			case EventDetails.Denial d -> issuer ? d.federatedIssuer() : d.federatedSubject();
			case null, default -> null;
		};
	}

	private static List<String> actorChain(EventDetails details) {
		return (details instanceof EventDetails.Issuance i && !i.actorChain().isEmpty()) ? i.actorChain() : null;
	}

	private static String statusDetail(EventDetails details) {
		return switch (details) {
			case EventDetails.SignInRefused r -> r.reason();
			case EventDetails.Denial d -> d.reason();
			case EventDetails.Revocation r -> r.reason();
			case EventDetails.Deactivation d -> d.reason();
			case EventDetails.GroupMembership m -> m.change();
			case EventDetails.ScimClient c -> c.action();
			case null, default -> null;
		};
	}

}
