package dev.lanyard.integrations.integration.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lanyard.integrations.integration.application.DeliverClientSecret;
import dev.lanyard.integrations.integration.application.DeliverClientSecret.DeliveredSecret;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where token-broker fetches a client secret when it needs one. Security lets only bearer
 * JWTs from token-broker's issuer with the role {@code token-broker} in.
 */
@RestController
final class InternalSecretsController {

	private final DeliverClientSecret secrets;

	InternalSecretsController(DeliverClientSecret secrets) {
		this.secrets = secrets;
	}

	@GetMapping("/internal/integrations/{id}/client-secret")
	ResponseEntity<Map<String, Object>> clientSecret(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
		DeliveredSecret delivered = this.secrets.deliver(IntegrationsController.id(id), caller.getSubject());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("integrationId", delivered.integrationId().toString());
		body.put("secretVersion", delivered.secretVersion());
		body.put("clientSecret", delivered.clientSecret().value());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

}
