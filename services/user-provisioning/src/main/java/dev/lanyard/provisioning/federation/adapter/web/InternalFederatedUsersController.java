package dev.lanyard.provisioning.federation.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.platform.web.Problems;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.federation.application.AdmitFederatedUser;
import dev.lanyard.provisioning.federation.application.FederatedUserOutcome;
import dev.lanyard.provisioning.federation.application.FederatedUserRequest;
import dev.lanyard.provisioning.shared.adapter.web.Actors;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where token-broker has a federated person made a user just in time (security: only its
 * internal-service tokens for this audience). 201 created, 200 already bound to that
 * identity, 422 with {@code reason} when a sign-in would be refused.
 */
@RestController
public final class InternalFederatedUsersController {

	private static final Logger log = LoggerFactory.getLogger(InternalFederatedUsersController.class);

	private final AdmitFederatedUser admit;

	public InternalFederatedUsersController(AdmitFederatedUser admit) {
		if (admit == null) {
			throw new IllegalArgumentException("admit cannot be null");
		}
		this.admit = admit;
	}

	@PostMapping("/internal/federated-users")
	public ResponseEntity<?> admit(@RequestBody(required = false) Body body, @AuthenticationPrincipal Jwt caller,
			HttpServletRequest http) {
		if (body == null) {
			throw RequestRejectedException.invalid(null, "A JSON body with issuer and uniqueId is required");
		}
		FederatedUserOutcome outcome = this.admit.admit(new FederatedUserRequest(body.issuer(), body.uniqueId(),
				body.username(), body.email(), body.firstName(), body.lastName(), body.groups()),
				Actors.of(caller, http));
		return switch (outcome) {
			case FederatedUserOutcome.Admitted admitted -> {
				log.info("Federated identity of {} {} user {}", body.issuer(),
						admitted.created() ? "created" : "is already", admitted.user().id());
				yield ResponseEntity.status(admitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
					.body(view(admitted.user(), admitted.created()));
			}
			case FederatedUserOutcome.Refused refused -> {
				log.info("Federated identity of {} not admitted: {}", body.issuer(), refused.reason().value());
				ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Not admitted",
						refused.message());
				problem.setProperty("reason", refused.reason().value());
				yield ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
			}
		};
	}

	private static Map<String, Object> view(User user, boolean created) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("userId", user.id().toString());
		view.put("version", user.version());
		view.put("created", created);
		view.put("active", user.active());
		view.put("locked", user.locked());
		return view;
	}

	/** The request body; {@code groups} absent when the token had no groups claim. */
	record Body(String issuer, String uniqueId, String username, String email, String firstName, String lastName,
			List<String> groups) {
	}

}
