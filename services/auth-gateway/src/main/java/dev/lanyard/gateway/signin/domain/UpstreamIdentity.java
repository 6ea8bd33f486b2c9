package dev.lanyard.gateway.signin.domain;

import java.util.List;

/**
 * A person as the upstream provider describes them, after claim mapping.
 *
 * @param provider the configured provider's name
 * @param issuer the provider's issuer
 * @param uniqueId the provider's stable id for the person
 * @param username claimed username, or null
 * @param email or null
 * @param firstName or null
 * @param lastName or null
 * @param groups group values, or null when the provider sent no groups claim
 * @param roleClaim role values, or null when no role claim is configured or sent
 * @param claimedFields the profile fields the provider manages
 */
public record UpstreamIdentity(String provider, String issuer, String uniqueId, String username, String email,
		String firstName, String lastName, List<String> groups, List<String> roleClaim, List<String> claimedFields) {

	public UpstreamIdentity {
		if (provider == null || provider.isBlank()) {
			throw new IllegalArgumentException("provider cannot be blank");
		}
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		groups = (groups != null) ? List.copyOf(groups) : null;
		roleClaim = (roleClaim != null) ? List.copyOf(roleClaim) : null;
		claimedFields = List.copyOf(claimedFields);
	}

}
