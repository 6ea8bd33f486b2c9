package dev.lanyard.tokenbroker.connections.application;

import dev.lanyard.tokenbroker.external.domain.ExternalToken;

/** The outcome of asking for a user's current external access token. */
public sealed interface ViewerToken {

	record Current(ExternalToken token) implements ViewerToken {

	}

	/** The user has no (more) connection to the integration. */
	record NotConnected() implements ViewerToken {

	}

	/**
	 * A delegated integration, but the browser session holds no usable upstream token
	 * (never deposited, expired, or dropped at sign-out): the user must sign in again.
	 */
	record NoUpstreamToken() implements ViewerToken {

	}

	/** The external service or integration-registry is unavailable. */
	record Unavailable(String description) implements ViewerToken {

	}

	/**
	 * The external service refused: the refresh with another error than invalid_grant, or
	 * a delegation with any error.
	 */
	record Refused(String error, String description) implements ViewerToken {

	}

}
