package dev.lanyard.audit.trail.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanyard.audit.trail.application.AnswerAccessQuestions;
import dev.lanyard.audit.trail.domain.AccessReport;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who had access to what, when": one call per question. Role auditor as for events. */
@RestController
final class AccessController {

	private final AnswerAccessQuestions questions;

	private final EventQueryParser parser;

	AccessController(AnswerAccessQuestions questions, EventQueryParser parser) {
		if (questions == null) {
			throw new IllegalArgumentException("questions cannot be null");
		}
		if (parser == null) {
			throw new IllegalArgumentException("parser cannot be null");
		}
		this.questions = questions;
		this.parser = parser;
	}

	/** Every credential handed out for an integration in a period, grouped. */
	@GetMapping("/api/audit/access")
	HoldersView access(@RequestParam MultiValueMap<String, String> parameters) {
		Parameters.requireKnown(parameters, Set.of("integration", "from", "to", "groupBy"));
		String integration = Parameters.id(parameters, "integration");
		if (integration == null) {
			throw new InvalidParameterException("integration", "integration is required");
		}
		Parameters.Period period = Parameters.period(parameters);
		String groupBy = Parameters.oneOf(parameters, "groupBy", Set.of("user", "content"));
		AccessReport.GroupBy by = "content".equals(groupBy) ? AccessReport.GroupBy.CONTENT : AccessReport.GroupBy.USER;
		AnswerAccessQuestions.Rows<AccessReport.Holder> rows = this.questions.holders(integration, period.from(),
				period.to(), by);
		return new HoldersView(integration, by.name().toLowerCase(Locale.ROOT), period.from(), period.to(), rows.rows(),
				rows.truncated());
	}

	/** Everything a person received in a period, and when each was revoked. */
	@GetMapping("/api/audit/users/{userId}/credentials")
	CredentialsView credentials(@PathVariable String userId, @RequestParam MultiValueMap<String, String> parameters) {
		Parameters.requireKnown(parameters, Set.of("from", "to"));
		Parameters.id("userId", userId);
		Parameters.Period period = Parameters.period(parameters);
		AnswerAccessQuestions.Rows<AccessReport.Credential> rows = this.questions.credentials(userId, period.from(),
				period.to());
		return new CredentialsView(userId, period.from(), period.to(),
				rows.rows().stream().map(CredentialView::of).toList(), rows.truncated());
	}

	/** Events per day (or hour) and type in a period. */
	@GetMapping("/api/audit/counts")
	CountsView counts(@RequestParam MultiValueMap<String, String> parameters) {
		Parameters.requireKnown(parameters, Set.of("from", "to", "eventType", "bucket"));
		Parameters.Period period = Parameters.period(parameters);
		if (period.from() == null) {
			throw new InvalidParameterException("from", "from is required");
		}
		if (period.to() == null) {
			throw new InvalidParameterException("to", "to is required");
		}
		Duration max = AnswerAccessQuestions.MAX_COUNT_PERIOD;
		if (Duration.between(period.from(), period.to()).compareTo(max) > 0) {
			throw new InvalidParameterException("to", "to must be at most " + max.toDays() + " days after from");
		}
		String bucket = Parameters.oneOf(parameters, "bucket", Set.of("day", "hour"));
		AccessReport.Bucket width = "hour".equals(bucket) ? AccessReport.Bucket.HOUR : AccessReport.Bucket.DAY;
		return new CountsView(width.name().toLowerCase(Locale.ROOT), period.from(), period.to(),
				this.questions.counts(period.from(), period.to(), this.parser.eventTypes(parameters), width));
	}

	record HoldersView(String integration, String groupBy, Instant from, Instant to, List<AccessReport.Holder> holders,
			boolean truncated) {
	}

	record CredentialsView(String userId, Instant from, Instant to, List<CredentialView> credentials,
			boolean truncated) {
	}

	/**
	 * @param issuance the TokenIssued event as {@code /api/audit/events} shows it
	 * @param revokedAt when it was revoked, or {@code null}
	 * @param revocationReason why, or {@code null}
	 * @param revocationEventId the TokenRevoked event, or {@code null}
	 * @param onBehalfOf whether content received it acting for the person
	 */
	record CredentialView(EventView issuance, Instant revokedAt, String revocationReason, String revocationEventId,
			boolean onBehalfOf) {

		static CredentialView of(AccessReport.Credential credential) {
			return new CredentialView(EventView.of(credential.issuance()), credential.revokedAt(),
					credential.revocationReason(), credential.revocationEventId(), credential.onBehalfOf());
		}

	}

	record CountsView(String bucket, Instant from, Instant to, List<AccessReport.Count> counts) {
	}

}
