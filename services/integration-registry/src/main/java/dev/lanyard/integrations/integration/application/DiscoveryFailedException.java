package dev.lanyard.integrations.integration.application;

/**
 * An issuer's discovery document or JWK Set could not be read or was not acceptable. The
 * message is generic ("could not connect", "the issuer answered with status 404") and
 * safe to show; a retry helps only when {@link #transientFailure()}.
 */
public final class DiscoveryFailedException extends RuntimeException {

	private final String error;

	private final boolean transientFailure;

	/**
	 * @param error a short code: {@code unreachable}, {@code timeout},
	 * {@code endpoint_refused}, {@code unexpected_response}, {@code issuer_mismatch},
	 * {@code no_jwks_uri}, {@code invalid_jwks}
	 * @param message generic words for an administrator
	 * @param transientFailure whether trying again later may help
	 */
	public DiscoveryFailedException(String error, String message, boolean transientFailure) {
		super(message);
		this.error = error;
		this.transientFailure = transientFailure;
	}

	public String error() {
		return this.error;
	}

	public boolean transientFailure() {
		return this.transientFailure;
	}

}
