package dev.lanyard.provisioning.service;

import java.util.Map;

import dev.lanyard.provisioning.scim.auth.ScimClient;
import dev.lanyard.provisioning.scim.auth.ScimClientAuthentication;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only (found by the service tests' component scan): echoes who the {@code /scim/v2}
 * chain authenticated, so the tests see the contract SCIM's controllers rely on.
 */
@RestController
final class ScimWhoAmIController {

	static final String PATH = "/scim/v2/_test/whoami";

	@GetMapping(PATH)
	Map<String, Object> whoAmI(Authentication authentication) {
		ScimClientAuthentication scim = (ScimClientAuthentication) authentication;
		ScimClient client = scim.getPrincipal();
		return Map.of("name", scim.getName(), "clientId", client.id().toString(), "clientName", client.name(),
				"authorities", scim.getAuthorities().stream().map(Object::toString).toList());
	}

}
