package dev.lanyard.audit.trail.adapter.web;

import dev.lanyard.audit.trail.application.FindEvents;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's search of the trail. Access (role auditor) is checked before it. */
@RestController
final class AuditEventController {

	private final FindEvents findEvents;

	private final EventQueryParser parser;

	AuditEventController(FindEvents findEvents, EventQueryParser parser) {
		if (findEvents == null) {
			throw new IllegalArgumentException("findEvents cannot be null");
		}
		if (parser == null) {
			throw new IllegalArgumentException("parser cannot be null");
		}
		this.findEvents = findEvents;
		this.parser = parser;
	}

	@GetMapping("/api/audit/events")
	EventPageView events(@RequestParam MultiValueMap<String, String> parameters) {
		return EventPageView.of(this.findEvents.find(this.parser.parse(parameters)));
	}

}
