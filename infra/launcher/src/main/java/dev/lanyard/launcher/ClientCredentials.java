package dev.lanyard.launcher;

/**
 * A token-broker client's id and secret.
 *
 * @param clientId the client id
 * @param clientSecret its secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

	public ClientCredentials {
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be blank");
		}
		if (clientSecret == null || clientSecret.isBlank()) {
			throw new IllegalArgumentException("clientSecret cannot be blank");
		}
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", clientSecret=(hidden)]";
	}

}
