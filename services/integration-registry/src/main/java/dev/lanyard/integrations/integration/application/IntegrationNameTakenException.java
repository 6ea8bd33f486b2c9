package dev.lanyard.integrations.integration.application;

/** Another live integration already has that name (ignoring case). */
public final class IntegrationNameTakenException extends RuntimeException {

	public IntegrationNameTakenException(String name) {
		super("Another integration is already named " + name);
	}

}
