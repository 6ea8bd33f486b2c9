package dev.lanyard.provisioning.directory.adapter.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.directory.adapter.web.UserViews.UserPageView;
import dev.lanyard.provisioning.directory.adapter.web.UserViews.UserSummary;
import dev.lanyard.provisioning.directory.adapter.web.UserViews.UserView;
import dev.lanyard.provisioning.directory.application.CreateUser;
import dev.lanyard.provisioning.directory.application.ManageUsers;
import dev.lanyard.provisioning.directory.application.UserDetails;
import dev.lanyard.provisioning.directory.application.UserPage;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.shared.adapter.web.Actors;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's API on users. */
@RestController
@RequestMapping("/api/admin/users")
public final class AdminUsersController {

	private static final int DEFAULT_LIMIT = 50;

	private static final String DEFAULT_REASON = "admin-deactivated";

	private final ManageUsers users;

	private final boolean roleMapped;

	public AdminUsersController(ManageUsers users, RoleMapping roleMapping) {
		if (users == null || roleMapping == null) {
			throw new IllegalArgumentException("users and roleMapping cannot be null");
		}
		this.users = users;
		this.roleMapped = roleMapping.mapped();
	}

	@PostMapping
	public ResponseEntity<UserView> create(@RequestBody(required = false) CreateUserRequest request,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		if (request == null) {
			throw RequestRejectedException.invalid(null, "A JSON body with at least uniqueId is required");
		}
		UserDetails created = this.users.create(new CreateUser(request.uniqueId(), request.issuer(), request.username(),
				request.email(), request.firstName(), request.lastName(), request.role()), Actors.of(jwt, http));
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.user().id())).body(view(created));
	}

	@GetMapping
	public UserPageView list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "cursor", required = false) String cursor) {
		UserPage page = this.users.list(query, limit(limit), UserCursors.decode(cursor));
		return new UserPageView(page.users().stream().map(UserSummary::of).toList(), UserCursors.encode(page.next()));
	}

	@GetMapping("/{id}")
	public UserView get(@PathVariable UUID id) {
		return view(this.users.get(id));
	}

	@PatchMapping("/{id}")
	public UserView edit(@PathVariable UUID id, @RequestBody(required = false) JsonNode body,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		return view(this.users.edit(id, changes(body), Actors.of(jwt, http)));
	}

	@PostMapping("/{id}/lock")
	public UserView lock(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		return view(this.users.lock(id, Actors.of(jwt, http)));
	}

	@PostMapping("/{id}/unlock")
	public UserView unlock(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		return view(this.users.unlock(id, Actors.of(jwt, http)));
	}

	/**
	 * Deactivates the user and revokes their credentials; body {@code {"reason": ...}}
	 * optional.
	 */
	@PostMapping("/{id}/deactivate")
	public UserView deactivate(@PathVariable UUID id, @RequestBody(required = false) JsonNode body,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		return view(this.users.deactivate(id, reason(body), Actors.of(jwt, http)));
	}

	@PostMapping("/{id}/reactivate")
	public UserView reactivate(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		return view(this.users.reactivate(id, Actors.of(jwt, http)));
	}

	/** Deactivates and hides the user; the record stays for the audit history. */
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		this.users.delete(id, Actors.of(jwt, http));
		return ResponseEntity.noContent().build();
	}

	private UserView view(UserDetails details) {
		return UserView.of(details, this.roleMapped);
	}

	private static int limit(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(limit);
		}
		catch (NumberFormatException ex) {
			throw RequestRejectedException.invalid("limit", "limit must be a whole number");
		}
	}

	private static String reason(JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return DEFAULT_REASON;
		}
		if (!body.isObject()) {
			throw RequestRejectedException.invalid(null, "The body, when given, must be a JSON object");
		}
		for (String name : body.propertyNames()) {
			if (!"reason".equals(name)) {
				throw RequestRejectedException.invalid(name,
						name + " is not a field of a deactivation; only reason is");
			}
		}
		JsonNode reason = body.get("reason");
		if (reason == null || reason.isNull()) {
			return DEFAULT_REASON;
		}
		if (!reason.isString()) {
			throw RequestRejectedException.invalid("reason", "reason must be a string");
		}
		return reason.asString();
	}

	/** A JSON object of field names to strings or {@code null} (clear). */
	static Map<String, String> changes(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw RequestRejectedException.invalid(null, "The body must be a JSON object of the fields to change");
		}
		Map<String, String> changes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			JsonNode value = field.getValue();
			if (!value.isNull() && !value.isString()) {
				throw RequestRejectedException.invalid(field.getKey(), field.getKey() + " must be a string or null");
			}
			changes.put(field.getKey(), value.isNull() ? null : value.asString());
		}
		if (changes.isEmpty()) {
			throw RequestRejectedException.invalid(null, "The body names no field to change");
		}
		return changes;
	}

	/** The body of a create request. */
	public record CreateUserRequest(String uniqueId, String issuer, String username, String email, String firstName,
			String lastName, String role) {
	}

}
