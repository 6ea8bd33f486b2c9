package dev.lanyard.tokenbroker.connections.adapter.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.tokenbroker.connections.application.CompleteConnection;
import dev.lanyard.tokenbroker.connections.application.CompleteConnectionCommand;
import dev.lanyard.tokenbroker.connections.application.ConnectionResult;
import dev.lanyard.tokenbroker.connections.application.ManageConnections;
import dev.lanyard.tokenbroker.connections.application.StartConnection;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in user's connections to viewer integrations, behind the gateway: every
 * request carries the user's session token as bearer (the security chain admits no other
 * token type), whose subject is the user.
 */
@RestController
@RequestMapping("/api/connections")
public final class ConnectionsController {

	private final StartConnection start;

	private final CompleteConnection complete;

	private final ManageConnections connections;

	public ConnectionsController(StartConnection start, CompleteConnection complete, ManageConnections connections) {
		if (start == null) {
			throw new IllegalArgumentException("start cannot be null");
		}
		if (complete == null) {
			throw new IllegalArgumentException("complete cannot be null");
		}
		if (connections == null) {
			throw new IllegalArgumentException("connections cannot be null");
		}
		this.start = start;
		this.complete = complete;
		this.connections = connections;
	}

	@GetMapping("/{integrationId}/connect")
	public ResponseEntity<?> connect(@AuthenticationPrincipal Jwt user, @PathVariable String integrationId,
			@RequestParam(name = "redirect", required = false) String redirect) {
		return render(this.start.start(user.getSubject(), integrationId, redirect));
	}

	@GetMapping("/callback")
	public ResponseEntity<?> callback(@AuthenticationPrincipal Jwt user,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "error", required = false) String error) {
		return render(this.complete.complete(new CompleteConnectionCommand(user.getSubject(), state, code, error)));
	}

	@GetMapping
	public List<ConnectionResponse> list(@AuthenticationPrincipal Jwt user) {
		return this.connections.list(user.getSubject())
			.stream()
			.map((c) -> new ConnectionResponse(c.integrationId(), c.name(), c.connectedAt(),
					List.copyOf(new TreeSet<>(c.scopes()))))
			.toList();
	}

	@DeleteMapping("/{integrationId}")
	public ResponseEntity<Void> disconnect(@AuthenticationPrincipal Jwt user, @PathVariable String integrationId,
			HttpServletRequest request) {
		this.connections.disconnect(user.getSubject(), integrationId, CorrelationIdFilter.of(request));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> render(ConnectionResult result) {
		return switch (result) {
			case ConnectionResult.Redirect redirect -> found(redirect.location());
			case ConnectionResult.Connected connected when connected.redirect() != null -> found(connected.redirect());
			case ConnectionResult.Connected connected -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(Map.of("integrationId", connected.integrationId(), "connected", true));
			case ConnectionResult.Refused refused -> problem(statusOf(refused.problem()), refused.description());
		};
	}

	private static ResponseEntity<?> found(URI location) {
		return ResponseEntity.status(HttpStatus.FOUND).location(location).cacheControl(CacheControl.noStore()).build();
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private static HttpStatus statusOf(ConnectionResult.Problem problem) {
		return switch (problem) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case BAD_GATEWAY -> HttpStatus.BAD_GATEWAY;
		};
	}

	/** A connection as listed. */
	public record ConnectionResponse(String integrationId, String name, Instant connectedAt, List<String> scopes) {

	}

}
