package dev.lanyard.audit.trail.domain;

import java.util.Map;

/**
 * Whom an event is about.
 *
 * @param id a client id or a user id
 * @param type what the subject is: {@code content}, {@code user}, {@code administrator},
 * {@code auditor}, {@code gateway}, {@code service}, or {@code federated} (a presented
 * federation token that matched no one: the id is its {@code sub}) or {@code scim-client}
 */
public record Subject(String id, String type) {

	public static final String USER = "user";

	/** An identity provider's SCIM client, the subject of ScimClientChanged. */
	public static final String SCIM_CLIENT = "scim-client";

	// A client's kind is what token-broker records; an auditor reads "administrator
	// client" so that an administrator's own token is not mistaken for a person's.
	private static final Map<String, String> LABELS = Map.of("content", "content", USER, "user", "administrator",
			"administrator client", "auditor", "auditor client", "gateway", "gateway", "service", "service",
			"federated", "federated identity", SCIM_CLIENT, "SCIM client");

	public Subject {
		Guards.notBlank(id, "id");
		Guards.notBlank(type, "type");
	}

	public static Subject user(String userId) {
		return new Subject(userId, USER);
	}

	/**
	 * @return what the subject is, for people: e.g. {@code administrator client}; an
	 * unknown type is shown as it is
	 */
	public String label() {
		return LABELS.getOrDefault(this.type, this.type);
	}

}
