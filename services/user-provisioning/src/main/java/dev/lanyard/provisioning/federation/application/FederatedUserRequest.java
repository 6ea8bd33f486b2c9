package dev.lanyard.provisioning.federation.application;

import java.util.List;

import dev.lanyard.provisioning.shared.application.RequestRejectedException;

/**
 * Command of {@link AdmitFederatedUser}: the person a verified federated token names, as
 * token-broker read it.
 *
 * @param issuer the token's {@code iss}: the identity's issuer
 * @param uniqueId the person's id at that issuer (what a sign-in from it binds to)
 * @param username a username the user must have (the trust rule matches by username), or
 * {@code null} to derive one from the email as a sign-in without a username claim does
 * @param email may be {@code null}
 * @param firstName may be {@code null}
 * @param lastName may be {@code null}
 * @param groups the token's groups claim, {@code null} when absent
 */
public record FederatedUserRequest(String issuer, String uniqueId, String username, String email, String firstName,
		String lastName, List<String> groups) {

	static final int MAX_VALUE = 1024;

	public FederatedUserRequest {
		require(issuer, "issuer");
		require(uniqueId, "uniqueId");
		for (String value : new String[] { username, email, firstName, lastName }) {
			if (value != null && value.length() > MAX_VALUE) {
				throw RequestRejectedException.invalid(null, "Values are at most " + MAX_VALUE + " characters");
			}
		}
		if (groups != null && groups.size() > 1000) {
			throw RequestRejectedException.invalid("groups", "groups holds at most 1000 values");
		}
		groups = (groups != null) ? groups.stream().filter((g) -> g != null && !g.isBlank()).toList() : null;
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
			throw RequestRejectedException.invalid(name, name + " is required (1 to " + MAX_VALUE + " characters)");
		}
	}

}
