package dev.lanyard.integrations.integration.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.integrations.integration.application.ChangeContext;
import dev.lanyard.integrations.integration.application.IntegrationNotFoundException;
import dev.lanyard.integrations.integration.application.ManageIntegrations;
import dev.lanyard.integrations.integration.application.TestIntegrationConnection;
import dev.lanyard.integrations.integration.application.TestIntegrationConnection.ConnectionTestResult;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.platform.web.CorrelationIds;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' integrations API. Security lets only bearer JWTs with the role
 * {@code administrator} in; the token's {@code sub} is the actor of every change.
 */
@RestController
@RequestMapping("/api/integrations")
final class IntegrationsController {

	private final ManageIntegrations integrations;

	private final TestIntegrationConnection connectionTest;

	IntegrationsController(ManageIntegrations integrations, TestIntegrationConnection connectionTest) {
		this.integrations = integrations;
		this.connectionTest = connectionTest;
	}

	@GetMapping
	Map<String, List<IntegrationView>> list() {
		return Map.of("integrations", this.integrations.list().stream().map(IntegrationView::of).toList());
	}

	@PostMapping
	ResponseEntity<IntegrationView> create(@RequestBody IntegrationRequest request, @AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		Integration created = this.integrations.create(request.draft(), secret(request.clientSecret()),
				context(admin, correlationId));
		return ResponseEntity.created(URI.create("/api/integrations/" + created.id()))
			.body(IntegrationView.of(created));
	}

	@GetMapping("/{id}")
	IntegrationView get(@PathVariable String id) {
		return IntegrationView.of(this.integrations.find(id(id)));
	}

	@PutMapping("/{id}")
	IntegrationView update(@PathVariable String id, @RequestBody IntegrationRequest request,
			@AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		if (request.clientSecret() != null) {
			throw new InvalidFieldException("clientSecret",
					"cannot be changed here; rotate it with PUT /api/integrations/{id}/client-secret");
		}
		return IntegrationView.of(this.integrations.update(id(id), request.draft(), context(admin, correlationId)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		this.integrations.delete(id(id), context(admin, correlationId));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/client-secret")
	Map<String, Object> rotateSecret(@PathVariable String id, @RequestBody SecretRequest request,
			@AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		Integration rotated = this.integrations.rotateSecret(id(id), secret(request.clientSecret()),
				context(admin, correlationId));
		return Map.of("integrationId", rotated.id().toString(), "secretVersion", rotated.secretVersion());
	}

	@PostMapping("/{id}/test")
	ConnectionTestResult test(@PathVariable String id, @AuthenticationPrincipal Jwt admin) {
		return this.connectionTest.test(id(id), admin.getSubject());
	}

	@GetMapping("/{id}/content")
	Map<String, Object> content(@PathVariable String id) {
		return contentOf(this.integrations.find(id(id)));
	}

	@PutMapping("/{id}/content/{contentId}")
	Map<String, Object> linkContent(@PathVariable String id, @PathVariable String contentId,
			@AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		return contentOf(this.integrations.linkContent(id(id), contentId, context(admin, correlationId)));
	}

	@DeleteMapping("/{id}/content/{contentId}")
	ResponseEntity<Void> unlinkContent(@PathVariable String id, @PathVariable String contentId,
			@AuthenticationPrincipal Jwt admin,
			@RequestHeader(name = CorrelationIds.HEADER, required = false) String correlationId) {
		this.integrations.unlinkContent(id(id), contentId, context(admin, correlationId));
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> contentOf(Integration integration) {
		return Map.of("integrationId", integration.id().toString(), "contentIds", integration.contentIds());
	}

	private static ClientSecret secret(String value) {
		return (value != null) ? new ClientSecret(value) : null;
	}

	private static ChangeContext context(Jwt admin, String correlationId) {
		return new ChangeContext(admin.getSubject(), CorrelationIds.acceptOrNew(correlationId));
	}

	/** An id that is not a UUID names no integration: 404, as for any unknown id. */
	static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IntegrationNotFoundException("No integration " + value);
		}
	}

}
