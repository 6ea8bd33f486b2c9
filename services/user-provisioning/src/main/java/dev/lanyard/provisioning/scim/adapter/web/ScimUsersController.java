package dev.lanyard.provisioning.scim.adapter.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.application.ProvisionUsers;
import dev.lanyard.provisioning.scim.application.ProvisionedUser;
import dev.lanyard.provisioning.scim.application.ScimSettings;
import dev.lanyard.provisioning.scim.application.UserListing;
import dev.lanyard.provisioning.scim.domain.FilterParser;
import dev.lanyard.provisioning.scim.domain.PatchRequest;
import dev.lanyard.provisioning.scim.domain.Projection;
import dev.lanyard.provisioning.scim.domain.ScimUser;
import dev.lanyard.provisioning.scim.domain.UserAttributes;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /scim/v2/Users} (RFC 7644 §3). */
@RestController
@RequestMapping("/scim/v2/Users")
public final class ScimUsersController {

	private final ProvisionUsers users;

	private final ScimSettings settings;

	private final JsonMapper json;

	public ScimUsersController(ProvisionUsers users, ScimSettings settings, JsonMapper json) {
		if (users == null || settings == null || json == null) {
			throw new IllegalArgumentException("users, settings and json cannot be null");
		}
		this.users = users;
		this.settings = settings;
		this.json = json;
	}

	@PostMapping
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Authentication authentication) {
		ScimUser attributes = UserAttributes.fromResource(ScimRequests.body(request, this.json));
		ProvisionedUser created = this.users.create(attributes, ScimRequests.actor(authentication, request));
		String base = ScimResponses.baseUrl();
		return ResponseEntity.created(URI.create(base + "/Users/" + created.user().id()))
			.contentType(ScimResponses.SCIM_JSON)
			.eTag(ScimRequests.etag(created.user().version()))
			.body(UserResources.of(created, base));
	}

	@GetMapping("/{id}")
	public ResponseEntity<Map<String, Object>> get(@PathVariable String id,
			@RequestParam(name = "attributes", required = false) String attributes,
			@RequestParam(name = "excludedAttributes", required = false) String excludedAttributes) {
		Projection projection = Projection.of(attributes, excludedAttributes);
		return one(this.users.get(id(id), projection.wants("groups")), projection);
	}

	@GetMapping
	public ResponseEntity<Map<String, Object>> list(@RequestParam(name = "filter", required = false) String filter,
			@RequestParam(name = "startIndex", required = false) String startIndex,
			@RequestParam(name = "count", required = false) String count,
			@RequestParam(name = "attributes", required = false) String attributes,
			@RequestParam(name = "excludedAttributes", required = false) String excludedAttributes) {
		Projection projection = Projection.of(attributes, excludedAttributes);
		UserListing listing = this.users.list((filter != null) ? FilterParser.parse(filter) : null,
				ScimResponses.number("startIndex", startIndex, 1),
				ScimResponses.number("count", count, this.settings.maxResults()), projection.wants("groups"));
		String base = ScimResponses.baseUrl();
		return ResponseEntity.ok()
			.contentType(ScimResponses.SCIM_JSON)
			.body(ScimResponses.list(
					listing.users().stream().map((user) -> projection.apply(UserResources.of(user, base))).toList(),
					listing.total(), listing.startIndex()));
	}

	@PutMapping("/{id}")
	public ResponseEntity<Map<String, Object>> replace(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Authentication authentication) {
		UUID userId = id(id);
		Map<String, Object> body = ScimRequests.body(request, this.json);
		Object bodyId = PatchRequest.caseInsensitive(body, "id");
		if (bodyId != null && !userId.toString().equalsIgnoreCase(String.valueOf(bodyId))) {
			throw ScimException.mutability("id is read-only and cannot be changed");
		}
		return one(this.users.replace(userId, UserAttributes.fromResource(body), ScimRequests.ifMatch(ifMatch),
				ScimRequests.actor(authentication, request)), Projection.ALL);
	}

	@PatchMapping("/{id}")
	public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Authentication authentication) {
		UUID userId = id(id);
		return one(this.users.patch(userId, PatchRequest.parse(ScimRequests.body(request, this.json)),
				ScimRequests.ifMatch(ifMatch), ScimRequests.actor(authentication, request)), Projection.ALL);
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Authentication authentication) {
		this.users.delete(id(id), ScimRequests.ifMatch(ifMatch), ScimRequests.actor(authentication, request));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> one(ProvisionedUser user, Projection projection) {
		return ResponseEntity.ok()
			.contentType(ScimResponses.SCIM_JSON)
			.eTag(ScimRequests.etag(user.user().version()))
			.body(projection.apply(UserResources.of(user, ScimResponses.baseUrl())));
	}

	/** A path id that is no UUID names no user. */
	static UUID id(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ScimException.notFound("No resource with id " + id);
		}
	}

}
