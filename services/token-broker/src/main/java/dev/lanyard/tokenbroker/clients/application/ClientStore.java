package dev.lanyard.tokenbroker.clients.application;

import java.util.List;
import java.util.Optional;

import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

/** Where registered clients and the hashes of their secrets are kept. */
public interface ClientStore {

	/** Adds the client; {@code false} when a client with that id already exists. */
	boolean insert(Client client, String secretHash);

	List<Client> findAll();

	Optional<StoredClient> find(String clientId);

	/** {@code false} when there was no such client. */
	boolean delete(String clientId);

	/** {@code false} when there was no such client. */
	boolean replaceSecretHash(String clientId, String secretHash);

	/** Makes the client an administrator; {@code false} when there was no such client. */
	boolean changeKind(String clientId, ClientKind kind);

	/**
	 * A client as stored.
	 *
	 * @param client the client
	 * @param secretHash the encoded hash of its secret, with its {@code {id}} prefix
	 */
	record StoredClient(Client client, String secretHash) {

		public StoredClient {
			if (client == null) {
				throw new IllegalArgumentException("client cannot be null");
			}
			if (secretHash == null || secretHash.isEmpty()) {
				throw new IllegalArgumentException("secretHash cannot be empty");
			}
		}

		@Override
		public String toString() {
			return "StoredClient[client=" + this.client + ", secretHash=<redacted>]";
		}

	}

}
