package dev.lanyard.provisioning.signin.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProfileField;

/**
 * A sign-in the gateway accepted, with the claims it mapped: the command of
 * {@link SignInUser}.
 *
 * @param loginEventId the UserLoggedIn's eventId
 * @param provider the provider's configured name
 * @param issuer the provider's issuer
 * @param uniqueId the provider's id for the person
 * @param username the username claim, {@code null} when absent
 * @param email may be {@code null}
 * @param firstName may be {@code null}
 * @param lastName may be {@code null}
 * @param groups the groups claim's values, {@code null} when the claim was absent
 * @param roleClaim the role claim's values, {@code null} when the claim was absent
 * @param sessionId the gateway session
 * @param correlationId of the sign-in flow
 * @param claimedFields fields the provider supplies from claims
 * @param registerOnFirstLogin the provider's setting, {@code null} for this service's
 * default
 */
public record SignInAttempt(UUID loginEventId, String provider, String issuer, String uniqueId, String username,
		String email, String firstName, String lastName, List<String> groups, List<String> roleClaim, String sessionId,
		String correlationId, Set<ProfileField> claimedFields, Boolean registerOnFirstLogin) {

	public SignInAttempt {
		if (loginEventId == null) {
			throw new IllegalArgumentException("loginEventId cannot be null");
		}
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		groups = (groups != null) ? List.copyOf(groups.stream().filter((g) -> g != null).toList()) : null;
		roleClaim = (roleClaim != null) ? List.copyOf(roleClaim.stream().filter((r) -> r != null).toList()) : null;
		claimedFields = (claimedFields != null) ? Set.copyOf(claimedFields) : ProfileField.all();
	}

	public boolean claims(ProfileField field) {
		return this.claimedFields.contains(field);
	}

}
