package dev.lanyard.audit.trail.domain;

/**
 * Whom an event is about.
 *
 * @param id a content client id or a user id
 * @param type {@code content} or {@code user}
 */
public record Subject(String id, String type) {

	public Subject {
		Guards.notBlank(id, "id");
		Guards.notBlank(type, "type");
	}

	public static Subject user(String userId) {
		return new Subject(userId, "user");
	}

}
