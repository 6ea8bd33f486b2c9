package dev.lanyard.integrations.integration.adapter.web;

/** The body of {@code PUT /api/integrations/{id}/client-secret}. */
record SecretRequest(String clientSecret) {

	@Override
	public String toString() {
		return "SecretRequest[clientSecret=<redacted>]";
	}

}
