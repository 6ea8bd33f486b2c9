package dev.lanyard.audit.trail.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.events.UserSignedOut;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps a generated Avro event to what the trail indexes. The fields every event carries
 * are read by name, so an event type added to {@code Topics.ALL} is stored with them even
 * before this class knows it; subject, content, integration and credential are read per
 * type.
 */
final class AvroEventMapper {

	// PostgreSQL's timestamptz covers more, Java's Instant far more: keep to four-digit
	// years.
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	private final Map<String, Class<?>> typeByTopic;

	AvroEventMapper(List<Topic<?>> topics) {
		if (topics == null) {
			throw new IllegalArgumentException("topics cannot be null");
		}
		this.typeByTopic = topics.stream().collect(Collectors.toUnmodifiableMap(Topic::name, Topic::valueType));
	}

	AuditEvent map(String topic, Object value) {
		Class<?> expected = this.typeByTopic.get(topic);
		if (expected == null) {
			throw new UnreadableRecordException("Topic " + topic + " is not one the audit trail reads");
		}
		if (!(value instanceof SpecificRecord record) || !expected.isInstance(value)) {
			throw new UnreadableRecordException("Expected " + expected.getSimpleName() + " on " + topic + " but read "
					+ ((value != null) ? value.getClass().getName() : "nothing"));
		}
		String eventType = record.getSchema().getName();
		try {
			Details details = details(record);
			return new AuditEvent(required(record, "eventId", UUID.class), eventType,
					inRange(required(record, "occurredAt", Instant.class), "occurredAt"),
					text(required(record, "correlationId", CharSequence.class)),
					text(required(record, "producer", CharSequence.class)), text(optional(record, "actorId")),
					details.subject(), details.contentId(), details.integrationId(), details.token(), details.userId(),
					details.groupId(), null);
		}
		catch (IllegalArgumentException ex) {
			// Guard messages name the field, never its value.
			throw new UnreadableRecordException(eventType + " cannot be stored: " + ex.getMessage());
		}
	}

	private static Details details(SpecificRecord record) {
		return switch (record) {
			case TokenIssued e ->
				new Details(new Subject(e.getSubjectId(), e.getSubjectType()), e.getContentId(), e.getIntegrationId(),
						new TokenFacts(e.getTokenType(), e.getTokenId(), lowerCase(e.getTokenSha256()),
								e.getGrantType(), e.getScopes(), e.getAudience(),
								inRange(e.getExpiresAt(), "expiresAt")));
			case TokenRevoked e -> new Details(new Subject(e.getSubjectId(), e.getSubjectType()), null,
					e.getIntegrationId(), (e.getTokenId() != null || e.getTokenSha256() != null) ? new TokenFacts(null,
							e.getTokenId(), lowerCase(e.getTokenSha256()), null, null, null, null) : null);
			case UserChanged e -> Details.of(Subject.user(e.getUserId()));
			case GroupMembershipChanged e ->
				new Details(Subject.user(e.getUserId()), null, null, null, e.getUserId(), e.getGroupId());
			case UserDeactivated e -> Details.of(Subject.user(e.getUserId()));
			// Signing out is the user's own act: the user is named, not made the subject.
			case UserSignedOut e -> new Details(null, null, null, null, e.getUserId(), null);
			case IntegrationChanged e -> new Details(null, null, e.getIntegrationId(), null);
			case CredentialDenied e -> new Details(new Subject(e.getSubjectId(), e.getSubjectType()), e.getContentId(),
					e.getIntegrationId(), (e.getGrantType() != null)
							? new TokenFacts(null, null, null, e.getGrantType(), null, null, null) : null);
			case UserLoginRefused e -> (e.getUserId() != null) ? Details.of(Subject.user(e.getUserId())) : Details.NONE;
			case ScimClientChanged e -> Details.of(new Subject(e.getClientId(), Subject.SCIM_CLIENT));
			// UserLoggedIn names the upstream identity only; user-provisioning assigns
			// the user id.
			default -> Details.NONE;
		};
	}

	private static <T> T required(SpecificRecord record, String name, Class<T> type) {
		Object value = optional(record, name);
		if (!type.isInstance(value)) {
			throw new IllegalArgumentException(
					name + " must be present as " + type.getSimpleName() + " in every Lanyard event");
		}
		return type.cast(value);
	}

	private static Object optional(SpecificRecord record, String name) {
		Schema.Field field = record.getSchema().getField(name);
		return (field != null) ? record.get(field.pos()) : null;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static String lowerCase(String hex) {
		return (hex != null) ? hex.toLowerCase(Locale.ROOT) : null;
	}

	private static Instant inRange(Instant instant, String name) {
		if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
			throw new IllegalArgumentException(name + " must lie between years 1 and 9999");
		}
		return instant;
	}

	// A user subject is the event's user unless it names another (AuditEvent derives it).
	private record Details(Subject subject, String contentId, String integrationId, TokenFacts token, String userId,
			String groupId) {

		static final Details NONE = new Details(null, null, null, null, null, null);

		Details(Subject subject, String contentId, String integrationId, TokenFacts token) {
			this(subject, contentId, integrationId, token, null, null);
		}

		static Details of(Subject subject) {
			return new Details(subject, null, null, null);
		}

	}

}
