package dev.lanyard.integrations.secrets.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lanyard.integrations.secrets.application.RewrapSecrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator re-wrap every stored client secret under the active
 * key-encryption key, e.g. right after rotating it, without a restart.
 */
@RestController
final class RewrapController {

	private static final Logger log = LoggerFactory.getLogger(RewrapController.class);

	private final RewrapSecrets rewrap;

	RewrapController(RewrapSecrets rewrap) {
		this.rewrap = rewrap;
	}

	@PostMapping("/api/integration-secrets/rewrap")
	Map<String, Object> rewrap(@AuthenticationPrincipal Jwt admin) {
		RewrapSecrets.Report report = this.rewrap.run();
		log.info("Re-wrapped {} client secrets under key-encryption key {} ({} unreadable) (actor {})",
				report.rewrapped(), report.activeKeyId(), report.unreadable().size(), admin.getSubject());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("activeKeyId", report.activeKeyId());
		body.put("rewrapped", report.rewrapped());
		body.put("unreadable", report.unreadable().stream().map(Object::toString).toList());
		return body;
	}

}
