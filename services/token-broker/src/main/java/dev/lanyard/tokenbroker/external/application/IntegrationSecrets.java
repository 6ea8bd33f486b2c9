package dev.lanyard.tokenbroker.external.application;

/** Where integrations' client secrets come from (integration-registry keeps them). */
public interface IntegrationSecrets {

	/** The integration's client secret at that version (or a later one). */
	String clientSecret(String integrationId, long secretVersion)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

}
