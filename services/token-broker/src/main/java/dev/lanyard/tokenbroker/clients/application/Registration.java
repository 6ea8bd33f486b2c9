package dev.lanyard.tokenbroker.clients.application;

import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientSecret;

/** What registering a client led to. */
public sealed interface Registration {

	/**
	 * The client exists now; its secret is shown this once.
	 *
	 * @param client the new client
	 * @param secret its secret
	 */
	record Registered(Client client, ClientSecret secret) implements Registration {

	}

	/**
	 * Nothing changed: the client id is taken.
	 *
	 * @param clientId the id asked for
	 */
	record AlreadyExists(String clientId) implements Registration {

	}

}
