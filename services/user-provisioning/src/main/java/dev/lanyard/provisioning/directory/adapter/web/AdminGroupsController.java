package dev.lanyard.provisioning.directory.adapter.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.provisioning.directory.application.CreateGroup;
import dev.lanyard.provisioning.directory.application.ManageGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.directory.adapter.web.UserViews.UserSummary;
import dev.lanyard.provisioning.shared.adapter.web.Actors;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's API on groups and their members. */
@RestController
@RequestMapping("/api/admin/groups")
public final class AdminGroupsController {

	private final ManageGroups groups;

	public AdminGroupsController(ManageGroups groups) {
		if (groups == null) {
			throw new IllegalArgumentException("groups cannot be null");
		}
		this.groups = groups;
	}

	@PostMapping
	public ResponseEntity<GroupView> create(@RequestBody(required = false) CreateGroupRequest request) {
		if (request == null) {
			throw RequestRejectedException.invalid(null, "A JSON body with at least name is required");
		}
		Group group = this.groups.create(new CreateGroup(request.name(), request.uniqueId()));
		return ResponseEntity.created(URI.create("/api/admin/groups/" + group.id())).body(GroupView.of(group));
	}

	@GetMapping
	public GroupListView list() {
		return new GroupListView(this.groups.list().stream().map(GroupView::of).toList());
	}

	@GetMapping("/{id}")
	public GroupView get(@PathVariable UUID id) {
		return GroupView.of(this.groups.get(id));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		this.groups.delete(id, Actors.of(jwt, http));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/members")
	public MembersView members(@PathVariable UUID id) {
		return new MembersView(this.groups.members(id).stream().map(UserSummary::of).toList());
	}

	@PutMapping("/{id}/members/{userId}")
	public ResponseEntity<Void> addMember(@PathVariable UUID id, @PathVariable UUID userId,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		this.groups.addMember(id, userId, Actors.of(jwt, http));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/members/{userId}")
	public ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID userId,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		this.groups.removeMember(id, userId, Actors.of(jwt, http));
		return ResponseEntity.noContent().build();
	}

	/** The body of a create request. */
	public record CreateGroupRequest(String name, String uniqueId) {
	}

	/** A group. */
	public record GroupView(String id, String name, String uniqueId, Instant createdAt) {

		static GroupView of(Group group) {
			return new GroupView(group.id().toString(), group.name(), group.uniqueId(), group.createdAt());
		}

	}

	/** Every group, ordered by name. */
	public record GroupListView(List<GroupView> groups) {
	}

	/** A group's members, ordered by username. */
	public record MembersView(List<UserSummary> members) {
	}

}
