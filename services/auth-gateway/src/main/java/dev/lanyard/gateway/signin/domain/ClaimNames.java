package dev.lanyard.gateway.signin.domain;

/**
 * Which claim carries which profile field, per provider. A blank name means the provider
 * does not manage that field: it is editable in Lanyard and not refreshed at sign-in.
 *
 * @param uniqueId the person's stable id at the provider ({@code sub})
 * @param username ({@code preferred_username})
 * @param email ({@code email})
 * @param firstName ({@code given_name})
 * @param lastName ({@code family_name})
 * @param groups group names or ids ({@code groups}); blank: groups are managed in Lanyard
 * @param role role values; blank (the default): no role mapping from a claim
 */
public record ClaimNames(String uniqueId, String username, String email, String firstName, String lastName,
		String groups, String role) {

	public static final ClaimNames DEFAULTS = new ClaimNames("sub", "preferred_username", "email", "given_name",
			"family_name", "groups", "");

	public ClaimNames {
		if (uniqueId == null || uniqueId.isBlank()) {
			throw new IllegalArgumentException("uniqueId claim name cannot be blank");
		}
		username = trimmed(username);
		email = trimmed(email);
		firstName = trimmed(firstName);
		lastName = trimmed(lastName);
		groups = trimmed(groups);
		role = trimmed(role);
	}

	private static String trimmed(String name) {
		return (name != null) ? name.trim() : "";
	}

}
