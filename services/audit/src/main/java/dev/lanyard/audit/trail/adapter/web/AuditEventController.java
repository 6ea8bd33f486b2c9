package dev.lanyard.audit.trail.adapter.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanyard.audit.trail.application.FindEvents;
import dev.lanyard.audit.trail.application.LookUpToken;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.web.StreamSlots;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor's search of the trail, its export, and the look-up of a token's value.
 * Access (role auditor) is checked before it.
 */
@RestController
final class AuditEventController {

	private final FindEvents findEvents;

	private final LookUpToken lookUpToken;

	private final EventQueryParser parser;

	private final StreamSlots slots;

	AuditEventController(FindEvents findEvents, LookUpToken lookUpToken, EventQueryParser parser, StreamSlots slots) {
		if (findEvents == null) {
			throw new IllegalArgumentException("findEvents cannot be null");
		}
		if (lookUpToken == null) {
			throw new IllegalArgumentException("lookUpToken cannot be null");
		}
		if (parser == null) {
			throw new IllegalArgumentException("parser cannot be null");
		}
		if (slots == null) {
			throw new IllegalArgumentException("slots cannot be null");
		}
		this.findEvents = findEvents;
		this.lookUpToken = lookUpToken;
		this.parser = parser;
		this.slots = slots;
	}

	/** A page as JSON. */
	@GetMapping("/api/audit/events")
	EventPageView events(@RequestParam MultiValueMap<String, String> parameters) {
		return EventPageView.of(this.findEvents.find(this.parser.parse(parameters)));
	}

	/**
	 * With {@code Accept: application/x-ndjson}, every matching event streamed, as an
	 * NDJSON export.
	 */
	@GetMapping(path = "/api/audit/events", produces = "application/x-ndjson")
	ResponseEntity<StreamingResponseBody> eventsAsNdjson(@RequestParam MultiValueMap<String, String> parameters) {
		return stream(ExportWriter.Format.NDJSON, this.parser.parseFilter(parameters), false);
	}

	/** Every event matching the filters, as a download. */
	@GetMapping("/api/audit/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> parameters) {
		ExportWriter.Format format = format(parameters);
		return stream(format, this.parser.parseFilter(parameters, "format"), true);
	}

	/**
	 * The events naming a token, from its value in the body (never in a URL, so that it
	 * stays out of access logs and browser history).
	 */
	@PostMapping(path = "/api/audit/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
	TokenLookupView lookUp(@RequestBody TokenLookupRequest request) {
		String token = (request != null) ? request.token() : null;
		if (token == null || token.isBlank()) {
			throw new InvalidParameterException("token", "token must be the credential's value");
		}
		if (token.length() > LookUpToken.MAX_TOKEN_LENGTH) {
			throw new InvalidParameterException("token",
					"token must be at most " + LookUpToken.MAX_TOKEN_LENGTH + " characters");
		}
		LookUpToken.TokenLookup lookup = this.lookUpToken.lookUp(token);
		return new TokenLookupView(lookup.tokenSha256(), lookup.events().stream().map(EventView::of).toList());
	}

	private ResponseEntity<StreamingResponseBody> stream(ExportWriter.Format format, EventFilter filter,
			boolean download) {
		StreamingResponseBody body = (out) -> {
			try (ExportWriter writer = new ExportWriter(format, out)) {
				writer.header();
				this.findEvents.stream(filter, writer::write);
			}
		};
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType + ";charset=UTF-8"));
		if (download) {
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"audit-events." + format.name().toLowerCase(Locale.ROOT) + "\"");
		}
		return response.body(this.slots.stream(body));
	}

	private static ExportWriter.Format format(MultiValueMap<String, String> parameters) {
		String value = Parameters.oneOf(parameters, "format", Set.of("ndjson", "csv"));
		return ("csv".equals(value)) ? ExportWriter.Format.CSV : ExportWriter.Format.NDJSON;
	}

	/** The body of {@code POST /api/audit/lookup}. */
	record TokenLookupRequest(String token) {

		@Override
		public String toString() {
			return "TokenLookupRequest[token=<redacted>]";
		}

	}

	/**
	 * @param tokenSha256 the value's SHA-256, for later searches by {@code tokenSha256}
	 * @param events the events naming it (issuance, revocations), newest first
	 */
	record TokenLookupView(String tokenSha256, List<EventView> events) {
	}

}
