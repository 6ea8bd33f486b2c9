package dev.lanyard.provisioning.scim.auth.adapter.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.provisioning.scim.auth.application.IssuedSecret;
import dev.lanyard.provisioning.scim.auth.application.ManageScimClients;
import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.shared.adapter.web.Actors;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's API on SCIM clients, behind the admin API's chain. A secret is in a
 * response body only when just issued ({@code no-store}, so no cache keeps it); each
 * change is logged with the client's id and the actor, never the secret.
 */
@RestController
@RequestMapping("/api/admin/scim-clients")
public final class AdminScimClientsController {

	private static final Logger log = LoggerFactory.getLogger(AdminScimClientsController.class);

	private final ManageScimClients clients;

	public AdminScimClientsController(ManageScimClients clients) {
		if (clients == null) {
			throw new IllegalArgumentException("clients cannot be null");
		}
		this.clients = clients;
	}

	@PostMapping
	public ResponseEntity<IssuedView> create(@RequestBody(required = false) CreateRequest request,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		if (request == null) {
			throw RequestRejectedException.invalid("name", "A JSON body with name is required");
		}
		Actor actor = Actors.of(jwt, http);
		IssuedSecret issued = this.clients.create(request.name(), actor);
		log.info("SCIM client {} ({}) created by {} [{}]", issued.client().id(), issued.client().name(),
				actor.actorId(), actor.correlationId());
		return ResponseEntity.created(URI.create("/api/admin/scim-clients/" + issued.client().id()))
			.cacheControl(CacheControl.noStore())
			.body(IssuedView.of(issued));
	}

	@GetMapping
	public ListView list() {
		return new ListView(this.clients.list().stream().map(ClientView::of).toList());
	}

	@PostMapping("/{id}/rotate")
	public ResponseEntity<IssuedView> rotate(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		Actor actor = Actors.of(jwt, http);
		IssuedSecret issued = this.clients.rotate(id, actor);
		log.info("SCIM client {} ({}) secret rotated by {} [{}]; the previous secret is refused from now on", id,
				issued.client().name(), actor.actorId(), actor.correlationId());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(IssuedView.of(issued));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		Actor actor = Actors.of(jwt, http);
		ScimClientAccount revoked = this.clients.revoke(id, actor);
		log.info("SCIM client {} ({}) revoked by {} [{}]", id, revoked.name(), actor.actorId(), actor.correlationId());
		return ResponseEntity.noContent().build();
	}

	/** The body of a create request. */
	public record CreateRequest(String name) {
	}

	/** A client with the secret just issued: the only answer that holds one. */
	public record IssuedView(String id, String name, String token, Instant createdAt, Instant rotatedAt) {

		static IssuedView of(IssuedSecret issued) {
			ScimClientAccount client = issued.client();
			return new IssuedView(client.id().toString(), client.name(), issued.secret(), client.createdAt(),
					client.rotatedAt());
		}

		@Override
		public String toString() {
			return "IssuedView[id=" + this.id + "]";
		}

	}

	/** A client, never its secret. */
	public record ClientView(String id, String name, Instant createdAt, Instant rotatedAt, Instant revokedAt,
			Instant lastUsedAt) {

		static ClientView of(ScimClientAccount client) {
			return new ClientView(client.id().toString(), client.name(), client.createdAt(), client.rotatedAt(),
					client.revokedAt(), client.lastUsedAt());
		}

	}

	/** Every client, revoked ones included, ordered by name. */
	public record ListView(List<ClientView> clients) {

	}

}
