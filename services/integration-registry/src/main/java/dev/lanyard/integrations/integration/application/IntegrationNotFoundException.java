package dev.lanyard.integrations.integration.application;

import java.util.UUID;

/** No live integration (or association) with that id. */
public final class IntegrationNotFoundException extends RuntimeException {

	public IntegrationNotFoundException(String message) {
		super(message);
	}

	public static IntegrationNotFoundException of(UUID id) {
		return new IntegrationNotFoundException("No integration " + id);
	}

}
