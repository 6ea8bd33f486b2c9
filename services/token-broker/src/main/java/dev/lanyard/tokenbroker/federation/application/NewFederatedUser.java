package dev.lanyard.tokenbroker.federation.application;

import java.util.List;

/**
 * The person a verified federated token names, as user-provisioning is asked to make them
 * a user: bound to (issuer, unique id) as a sign-in from that issuer would be.
 *
 * @param issuer the token's {@code iss}
 * @param uniqueId the match claim's value when the rule matches by unique id, else the
 * token's {@code sub}
 * @param username the match claim's value when the rule matches by username, else
 * {@code null} (derived from the email, as at a sign-in without a username claim)
 * @param email the match claim's value when the rule matches by email, else the
 * {@code email} claim, or {@code null}
 * @param firstName {@code given_name}, or {@code null}
 * @param lastName {@code family_name}, or {@code null}
 * @param groups the {@code groups} claim's strings, {@code null} when absent
 */
public record NewFederatedUser(String issuer, String uniqueId, String username, String email, String firstName,
		String lastName, List<String> groups) {

	public NewFederatedUser {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		groups = (groups != null) ? List.copyOf(groups) : null;
	}

}
