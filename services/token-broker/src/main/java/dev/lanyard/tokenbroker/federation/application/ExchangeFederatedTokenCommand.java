package dev.lanyard.tokenbroker.federation.application;

import java.util.Set;

/**
 * Command: exchange a presented federation token for a Lanyard token.
 *
 * @param token the presented JWT
 * @param grantType the grant used (RFC 8693 token exchange or RFC 7523 JWT bearer)
 * @param integrationId the federation integration named by the request, or {@code null}
 * @param scopes the scopes asked for (empty: the default ones)
 * @param actorClientId the client that authenticated, or {@code null}
 * @param correlationId the request's correlation id
 */
public record ExchangeFederatedTokenCommand(String token, String grantType, String integrationId, Set<String> scopes,
		String actorClientId, String correlationId) {

	public ExchangeFederatedTokenCommand {
		if (token == null || token.isEmpty()) {
			throw new IllegalArgumentException("token cannot be empty");
		}
		if (grantType == null || grantType.isBlank()) {
			throw new IllegalArgumentException("grantType cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
	}

	@Override
	public String toString() {
		return "ExchangeFederatedTokenCommand[token=<redacted>, grantType=" + this.grantType + ", integrationId="
				+ this.integrationId + ", correlationId=" + this.correlationId + "]";
	}

}
