package dev.lanyard.provisioning.scim.adapter.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.provisioning.scim.application.GroupListing;
import dev.lanyard.provisioning.scim.application.ProvisionGroups;
import dev.lanyard.provisioning.scim.application.ProvisionedGroup;
import dev.lanyard.provisioning.scim.application.ScimSettings;
import dev.lanyard.provisioning.scim.domain.FilterParser;
import dev.lanyard.provisioning.scim.domain.GroupChanges;
import dev.lanyard.provisioning.scim.domain.PatchRequest;
import dev.lanyard.provisioning.scim.domain.Projection;
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

/**
 * {@code /scim/v2/Groups}. A PATCH answers without the member list unless asked for with
 * {@code attributes=members}, so a large group is never sent back whole.
 */
@RestController
@RequestMapping("/scim/v2/Groups")
public final class ScimGroupsController {

	private final ProvisionGroups groups;

	private final ScimSettings settings;

	private final JsonMapper json;

	public ScimGroupsController(ProvisionGroups groups, ScimSettings settings, JsonMapper json) {
		if (groups == null || settings == null || json == null) {
			throw new IllegalArgumentException("groups, settings and json cannot be null");
		}
		this.groups = groups;
		this.settings = settings;
		this.json = json;
	}

	@PostMapping
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Authentication authentication) {
		GroupChanges changes = GroupChanges.fromResource(ScimRequests.body(request, this.json), null);
		ProvisionedGroup created = this.groups.create(changes, ScimRequests.actor(authentication, request));
		String base = ScimResponses.baseUrl();
		return ResponseEntity.created(URI.create(base + "/Groups/" + created.group().id()))
			.contentType(ScimResponses.SCIM_JSON)
			.eTag(ScimRequests.etag(created.group().version()))
			.body(GroupResources.of(created, base));
	}

	@GetMapping("/{id}")
	public ResponseEntity<Map<String, Object>> get(@PathVariable String id,
			@RequestParam(name = "attributes", required = false) String attributes,
			@RequestParam(name = "excludedAttributes", required = false) String excludedAttributes) {
		Projection projection = Projection.of(attributes, excludedAttributes);
		return one(this.groups.get(ScimUsersController.id(id), projection.wants("members")), projection);
	}

	@GetMapping
	public ResponseEntity<Map<String, Object>> list(@RequestParam(name = "filter", required = false) String filter,
			@RequestParam(name = "startIndex", required = false) String startIndex,
			@RequestParam(name = "count", required = false) String count,
			@RequestParam(name = "attributes", required = false) String attributes,
			@RequestParam(name = "excludedAttributes", required = false) String excludedAttributes) {
		Projection projection = Projection.of(attributes, excludedAttributes);
		GroupListing listing = this.groups.list((filter != null) ? FilterParser.parse(filter) : null,
				ScimResponses.number("startIndex", startIndex, 1),
				ScimResponses.number("count", count, this.settings.maxResults()), projection.wants("members"));
		String base = ScimResponses.baseUrl();
		return ResponseEntity.ok()
			.contentType(ScimResponses.SCIM_JSON)
			.body(ScimResponses.list(
					listing.groups().stream().map((group) -> projection.apply(GroupResources.of(group, base))).toList(),
					listing.total(), listing.startIndex()));
	}

	@PutMapping("/{id}")
	public ResponseEntity<Map<String, Object>> replace(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Authentication authentication) {
		UUID groupId = ScimUsersController.id(id);
		GroupChanges changes = GroupChanges.fromResource(ScimRequests.body(request, this.json), groupId.toString());
		return one(this.groups.change(groupId, changes, ScimRequests.ifMatch(ifMatch), true,
				ScimRequests.actor(authentication, request)), Projection.ALL);
	}

	@PatchMapping("/{id}")
	public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(name = "attributes", required = false) String attributes, HttpServletRequest request,
			Authentication authentication) {
		UUID groupId = ScimUsersController.id(id);
		GroupChanges changes = GroupChanges.fromPatch(PatchRequest.parse(ScimRequests.body(request, this.json)),
				groupId.toString());
		Projection projection = (attributes != null) ? Projection.of(attributes, null) : Projection.of(null, "members");
		return one(this.groups.change(groupId, changes, ScimRequests.ifMatch(ifMatch), projection.wants("members"),
				ScimRequests.actor(authentication, request)), projection);
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Authentication authentication) {
		this.groups.delete(ScimUsersController.id(id), ScimRequests.ifMatch(ifMatch),
				ScimRequests.actor(authentication, request));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> one(ProvisionedGroup group, Projection projection) {
		return ResponseEntity.ok()
			.contentType(ScimResponses.SCIM_JSON)
			.eTag(ScimRequests.etag(group.group().version()))
			.body(projection.apply(GroupResources.of(group, ScimResponses.baseUrl())));
	}

}
