package dev.lanyard.provisioning.signin.application;

import java.util.List;
import java.util.Set;

import dev.lanyard.provisioning.directory.domain.ProfileField;

/**
 * What an identity provider says about a person Lanyard may register: from a sign-in, or
 * from a verified federated token.
 *
 * @param issuer the provider's issuer
 * @param uniqueId the provider's id for the person
 * @param username the username claim, {@code null} when absent (derived from the email)
 * @param email may be {@code null}
 * @param firstName may be {@code null}
 * @param lastName may be {@code null}
 * @param groups the groups claim's values, {@code null} when the claim was absent
 * @param roleClaim the role claim's values, {@code null} when the claim was absent
 * @param claimedFields fields the provider supplies from claims
 */
public record NewUserClaims(String issuer, String uniqueId, String username, String email, String firstName,
		String lastName, List<String> groups, List<String> roleClaim, Set<ProfileField> claimedFields) {

	public NewUserClaims {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		groups = (groups != null) ? List.copyOf(groups.stream().filter((g) -> g != null).toList()) : null;
		roleClaim = (roleClaim != null) ? List.copyOf(roleClaim.stream().filter((r) -> r != null).toList()) : null;
		claimedFields = (claimedFields != null) ? Set.copyOf(claimedFields) : ProfileField.all();
	}

}
