package dev.lanyard.tokenbroker.clients.adapter.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.lanyard.tokenbroker.clients.application.ManageClients;
import dev.lanyard.tokenbroker.clients.application.RegisterClient;
import dev.lanyard.tokenbroker.clients.application.Registration;
import dev.lanyard.tokenbroker.clients.domain.Client;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's API on registered clients. Secrets appear only in answers to create
 * and rotate.
 */
@RestController
@RequestMapping("/api/admin/clients")
public final class AdminClientsController {

	private final ManageClients clients;

	public AdminClientsController(ManageClients clients) {
		if (clients == null) {
			throw new IllegalArgumentException("clients cannot be null");
		}
		this.clients = clients;
	}

	@PostMapping
	public ResponseEntity<?> create(@RequestBody CreateClientRequest request) {
		if (request == null) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"A JSON body with name and kind is required"));
		}
		Registration registration = this.clients
			.register(new RegisterClient(request.clientId(), request.name(), request.kind(), request.scopes()));
		return switch (registration) {
			case Registration.Registered(Client client, var secret) ->
				ResponseEntity.created(URI.create("/api/admin/clients/" + client.clientId()))
					.cacheControl(CacheControl.noStore())
					.body(new CreatedClientResponse(client.clientId(), client.name(), client.kind().value(),
							sorted(client.scopes()), secret.value(), client.createdAt()));
			case Registration.AlreadyExists(String clientId) -> ResponseEntity.status(HttpStatus.CONFLICT)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						"A client with id " + clientId + " already exists"));
		};
	}

	@GetMapping
	public List<ClientResponse> list() {
		return this.clients.list().stream().map(ClientResponse::of).toList();
	}

	@GetMapping("/{clientId}")
	public ResponseEntity<?> get(@PathVariable String clientId) {
		return this.clients.find(clientId)
			.<ResponseEntity<?>>map((client) -> ResponseEntity.ok(ClientResponse.of(client)))
			.orElseGet(() -> notFound(clientId));
	}

	@DeleteMapping("/{clientId}")
	public ResponseEntity<?> delete(@PathVariable String clientId) {
		return this.clients.delete(clientId) ? ResponseEntity.noContent().build() : notFound(clientId);
	}

	@PostMapping("/{clientId}/secret")
	public ResponseEntity<?> rotateSecret(@PathVariable String clientId) {
		return this.clients.rotateSecret(clientId)
			.<ResponseEntity<?>>map((secret) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new RotatedSecretResponse(clientId, secret.value())))
			.orElseGet(() -> notFound(clientId));
	}

	private static ResponseEntity<ProblemDetail> notFound(String clientId) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No client with id " + clientId));
	}

	private static List<String> sorted(Set<String> scopes) {
		return List.copyOf(new TreeSet<>(scopes));
	}

	/** Body of a create request; {@code clientId} and {@code scopes} are optional. */
	public record CreateClientRequest(String clientId, String name, String kind, Set<String> scopes) {

	}

	/** A client as listed. */
	public record ClientResponse(String clientId, String name, String kind, List<String> scopes, Instant createdAt) {

		static ClientResponse of(Client client) {
			return new ClientResponse(client.clientId(), client.name(), client.kind().value(), sorted(client.scopes()),
					client.createdAt());
		}

	}

	/** A client just created, with its secret shown this once. */
	public record CreatedClientResponse(String clientId, String name, String kind, List<String> scopes,
			String clientSecret, Instant createdAt) {

		@Override
		public String toString() {
			return "CreatedClientResponse[clientId=" + this.clientId + ", clientSecret=<redacted>]";
		}

	}

	/** A client's new secret. */
	public record RotatedSecretResponse(String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "RotatedSecretResponse[clientId=" + this.clientId + ", clientSecret=<redacted>]";
		}

	}

}
