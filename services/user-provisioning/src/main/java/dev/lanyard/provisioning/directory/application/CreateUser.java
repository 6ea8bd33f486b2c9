package dev.lanyard.provisioning.directory.application;

/**
 * An administrator creates a user ahead of its first sign-in.
 *
 * @param uniqueId the identity provider's id for the person (required)
 * @param issuer the provider's issuer; {@code null} binds it at first sign-in
 * @param username {@code null} to derive it from the email address
 * @param email may be {@code null}
 * @param firstName may be {@code null}
 * @param lastName may be {@code null}
 * @param role {@code null} for the default role
 */
public record CreateUser(String uniqueId, String issuer, String username, String email, String firstName,
		String lastName, String role) {
}
