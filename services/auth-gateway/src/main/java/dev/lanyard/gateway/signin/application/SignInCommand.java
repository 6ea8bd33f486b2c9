package dev.lanyard.gateway.signin.application;

import java.util.UUID;

import dev.lanyard.gateway.signin.domain.UpstreamIdentity;

/**
 * Complete the sign-in of a person the upstream provider vouched for.
 *
 * @param identity the mapped claims
 * @param loginEventId the UserLoggedIn's event id: made from a secure random source here,
 * it is what the answer is matched by (user-provisioning derives its answer's event id
 * from it)
 * @param sessionId the browser session's id (not the cookie value)
 * @param correlationId ties the UserLoggedIn to user-provisioning's answer
 * @param registerOnFirstLogin the provider's setting
 */
public record SignInCommand(UUID loginEventId, UpstreamIdentity identity, String sessionId, String correlationId,
		boolean registerOnFirstLogin) {

	public SignInCommand {
		if (loginEventId == null) {
			throw new IllegalArgumentException("loginEventId cannot be null");
		}
		if (identity == null) {
			throw new IllegalArgumentException("identity cannot be null");
		}
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
	}

}
