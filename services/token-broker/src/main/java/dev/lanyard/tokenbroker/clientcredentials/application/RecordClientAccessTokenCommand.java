package dev.lanyard.tokenbroker.clientcredentials.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.lanyard.tokenbroker.clients.domain.ClientKind;

/**
 * A client access token just signed for the client-credentials grant, described by the
 * claims it was signed with (nothing is read back from the token).
 *
 * @param clientId the client, the token's {@code sub}
 * @param kind what the client is
 * @param tokenId the token's {@code jti}
 * @param tokenValue the signed token, for its digest only
 * @param scopes the granted scopes
 * @param audience the token's {@code aud}
 * @param issuedAt the token's {@code iat}
 * @param expiresAt the token's {@code exp}
 * @param correlationId the request's correlation id
 */
public record RecordClientAccessTokenCommand(String clientId, ClientKind kind, String tokenId, String tokenValue,
		Set<String> scopes, List<String> audience, Instant issuedAt, Instant expiresAt, String correlationId) {

	public RecordClientAccessTokenCommand {
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be blank");
		}
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if (tokenValue == null || tokenValue.isBlank()) {
			throw new IllegalArgumentException("tokenValue cannot be blank");
		}
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		audience = (audience != null) ? List.copyOf(audience) : List.of();
	}

	@Override
	public String toString() {
		return "RecordClientAccessTokenCommand[clientId=" + this.clientId + ", kind=" + this.kind + ", tokenId="
				+ this.tokenId + ", tokenValue=<redacted>, correlationId=" + this.correlationId + "]";
	}

}
