package dev.lanyard.provisioning.shared.application;

/**
 * Who asked for a change and under which correlation id.
 *
 * @param actorId the administrator's {@code sub}
 * @param correlationId the request's correlation id
 */
public record Actor(String actorId, String correlationId) {

	public Actor {
		if (actorId == null || actorId.isBlank()) {
			throw new IllegalArgumentException("actorId cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
	}

}
