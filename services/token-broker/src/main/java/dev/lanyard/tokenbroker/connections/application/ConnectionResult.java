package dev.lanyard.tokenbroker.connections.application;

import java.net.URI;

/** What a step of the connect flow led to. */
public sealed interface ConnectionResult {

	/** Send the browser to the external service's authorization endpoint. */
	record Redirect(URI location) implements ConnectionResult {

	}

	/**
	 * Connected.
	 *
	 * @param redirect where to send the browser now, or {@code null} to answer in JSON
	 */
	record Connected(String integrationId, URI redirect) implements ConnectionResult {

	}

	/** Refused; nothing was stored. */
	record Refused(Problem problem, String description) implements ConnectionResult {

	}

	/** Kinds of refusal, each with its HTTP status in the web adapter. */
	enum Problem {

		/**
		 * Malformed, unknown, expired or foreign state; the provider's error; a bad
		 * parameter.
		 */
		BAD_REQUEST,
		/** The user may not use the integration. */
		FORBIDDEN,
		/** No such (viewer) integration. */
		NOT_FOUND,
		/** The external service or integration-registry is unavailable: retry later. */
		UNAVAILABLE,
		/**
		 * The external service answered in a way that cannot work (no refresh token,
		 * ...).
		 */
		BAD_GATEWAY

	}

}
