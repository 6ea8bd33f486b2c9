package dev.lanyard.integrations.integration.application;

/**
 * What one endpoint answered.
 *
 * @param check which check ran: {@code client-credentials},
 * {@code authorization-endpoint}, {@code token-endpoint}, or for a federation kind
 * {@code discovery}, {@code jwks} or {@code static-keys}
 * @param ok whether it behaved as expected
 * @param httpStatus the HTTP status, or {@code null} when there was no answer
 * @param error an OAuth error code RFC 6749 defines, or {@code unreachable},
 * {@code timeout}, {@code unexpected_response}, {@code endpoint_refused}
 * @param errorDescription ours, generic ("could not connect", "the endpoint answered with
 * status 401"); never an exception name, text from the answer or a token
 * @param tokenType the issued token's type (client credentials)
 * @param expiresIn the issued token's lifetime in seconds (client credentials)
 * @param scope the scopes granted (client credentials)
 * @param elapsedMillis how long it took
 * @param keyCount the number of keys found (federation), else {@code null}
 */
public record ProbeOutcome(String check, boolean ok, Integer httpStatus, String error, String errorDescription,
		String tokenType, Long expiresIn, String scope, long elapsedMillis, Integer keyCount) {

	public ProbeOutcome(String check, boolean ok, Integer httpStatus, String error, String errorDescription,
			String tokenType, Long expiresIn, String scope, long elapsedMillis) {
		this(check, ok, httpStatus, error, errorDescription, tokenType, expiresIn, scope, elapsedMillis, null);
	}

	public static ProbeOutcome failed(String check, Integer httpStatus, String error, String description,
			long elapsedMillis) {
		return new ProbeOutcome(check, false, httpStatus, error, description, null, null, null, elapsedMillis);
	}

}
