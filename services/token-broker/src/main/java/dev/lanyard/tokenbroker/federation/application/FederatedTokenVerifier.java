package dev.lanyard.tokenbroker.federation.application;

/**
 * Checks a presented JWT against the trust rules of its exact issuer: algorithm, keys,
 * signature, audience, times, {@code jti} presence, required claims and subject rules.
 * Does not consume the {@code jti}: that happens once a single rule accepted the token.
 */
public interface FederatedTokenVerifier {

	/**
	 * @param token the presented JWT
	 * @param integrationId the one federation integration to try, or {@code null} for
	 * every rule of the token's issuer
	 */
	TokenVerification verify(String token, String integrationId);

}
