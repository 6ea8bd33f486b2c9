package dev.lanyard.integrations.integration.application;

/**
 * Who asks for a change and as part of which request.
 *
 * @param actorId the administrator's {@code sub}
 * @param correlationId the request's correlation id
 */
public record ChangeContext(String actorId, String correlationId) {

	public ChangeContext {
		if (actorId == null || actorId.isBlank()) {
			throw new IllegalArgumentException("actorId cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
	}

}
