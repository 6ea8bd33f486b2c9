package dev.lanyard.tokenbroker.custody.adapter.web;

import java.time.Instant;
import java.util.UUID;

import dev.lanyard.tokenbroker.custody.application.DepositUpstreamToken;
import dev.lanyard.tokenbroker.custody.application.DepositUpstreamTokenCommand;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/upstream-tokens}: the gateway deposits the upstream access token
 * a user signed in with (HTTP Basic with the gateway's client; see
 * {@code CustodySecurityConfiguration}). 204 when kept; a problem otherwise, never
 * echoing the token.
 */
@RestController
public final class UpstreamTokensController {

	private final DepositUpstreamToken deposit;

	public UpstreamTokensController(DepositUpstreamToken deposit) {
		if (deposit == null) {
			throw new IllegalArgumentException("deposit cannot be null");
		}
		this.deposit = deposit;
	}

	/**
	 * The gateway's deposit.
	 *
	 * @param sessionId the browser session
	 * @param loginEventId the event id of the sign-in that began it
	 * @param userId the user signed in
	 * @param accessToken the upstream access token
	 * @param expiresAt its expiry (ISO-8601)
	 */
	public record Deposit(String sessionId, String loginEventId, String userId, String accessToken, Instant expiresAt) {

		@Override
		public String toString() {
			return "Deposit[sessionId=" + this.sessionId + ", userId=" + this.userId + "]";
		}

	}

	@PostMapping(path = "/internal/upstream-tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> deposit(@RequestBody(required = false) Deposit body) throws InterruptedException {
		DepositUpstreamTokenCommand command;
		try {
			command = new DepositUpstreamTokenCommand(body.sessionId(), UUID.fromString(body.loginEventId()),
					body.userId(), body.accessToken(), body.expiresAt());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return problem(HttpStatus.BAD_REQUEST,
					"sessionId, loginEventId (a UUID), userId, accessToken and expiresAt are required");
		}
		return switch (this.deposit.deposit(command)) {
			case KEPT -> ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
			case EXPIRED -> problem(HttpStatus.BAD_REQUEST, "The upstream token has expired");
			case SESSION_ENDED -> problem(HttpStatus.CONFLICT, "The browser session has ended");
			case NO_SIGN_IN -> problem(HttpStatus.CONFLICT, "No sign-in of this user backs this browser session");
		};
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
