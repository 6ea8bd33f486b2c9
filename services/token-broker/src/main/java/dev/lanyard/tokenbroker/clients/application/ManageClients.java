package dev.lanyard.tokenbroker.clients.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.clients.domain.ClientSecret;

/** The administrator's use cases on registered clients. */
public final class ManageClients {

	private static final Logger log = LoggerFactory.getLogger(ManageClients.class);

	private final ClientStore store;

	private final ClientSecretEncoder secretEncoder;

	private final ClientChangeListener changes;

	private final Clock clock;

	public ManageClients(ClientStore store, ClientSecretEncoder secretEncoder, ClientChangeListener changes,
			Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (secretEncoder == null) {
			throw new IllegalArgumentException("secretEncoder cannot be null");
		}
		if (changes == null) {
			throw new IllegalArgumentException("changes cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.store = store;
		this.secretEncoder = secretEncoder;
		this.changes = changes;
		this.clock = clock;
	}

	public Registration register(RegisterClient command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		Client client = toClient(command);
		ClientSecret secret = ClientSecret.generate();
		if (!this.store.insert(client, this.secretEncoder.encode(secret.value()))) {
			return new Registration.AlreadyExists(client.clientId());
		}
		this.changes.clientChanged(client.clientId());
		log.info("Registered {} client {}", client.kind().value(), client.clientId());
		return new Registration.Registered(client, secret);
	}

	public List<Client> list() {
		return this.store.findAll();
	}

	public Optional<Client> find(String clientId) {
		return this.store.find(clientId).map(ClientStore.StoredClient::client);
	}

	/** {@code false} when there was no such client. */
	public boolean delete(String clientId) {
		boolean deleted = this.store.delete(clientId);
		this.changes.clientChanged(clientId);
		if (deleted) {
			log.info("Deleted client {}", clientId);
		}
		return deleted;
	}

	/**
	 * The new secret (the old one stops working at once), or empty for no such client.
	 */
	public Optional<ClientSecret> rotateSecret(String clientId) {
		ClientSecret secret = ClientSecret.generate();
		if (!this.store.replaceSecretHash(clientId, this.secretEncoder.encode(secret.value()))) {
			return Optional.empty();
		}
		this.changes.clientChanged(clientId);
		log.info("Rotated the secret of client {}", clientId);
		return Optional.of(secret);
	}

	/**
	 * Makes sure a client named by the deployment's settings (the bootstrap
	 * administrator, the gateway) exists with this id, kind and secret: created when
	 * missing, secret replaced when it differs, kind set.
	 */
	public void ensureConfigured(ClientKind kind, String clientId, String secret) {
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("secret cannot be empty");
		}
		Client.requireValidClientId(clientId);
		Optional<ClientStore.StoredClient> existing = this.store.find(clientId);
		if (existing.isEmpty()) {
			Client client = new Client(clientId, "Configured " + kind.value(), kind, Set.of(), this.clock.instant());
			if (this.store.insert(client, this.secretEncoder.encode(secret))) {
				this.changes.clientChanged(clientId);
				log.info("Created configured {} client {}", kind.value(), clientId);
				return;
			}
			// another instance created it in the meantime
			existing = this.store.find(clientId);
		}
		existing.ifPresent((stored) -> updateConfigured(stored, kind, secret));
	}

	private void updateConfigured(ClientStore.StoredClient stored, ClientKind kind, String secret) {
		String clientId = stored.client().clientId();
		boolean changed = false;
		if (stored.client().kind() != kind) {
			changed = this.store.changeKind(clientId, kind);
		}
		if (!this.secretEncoder.matches(secret, stored.secretHash())) {
			changed = this.store.replaceSecretHash(clientId, this.secretEncoder.encode(secret)) || changed;
			log.info("Updated the secret of configured {} client {}", kind.value(), clientId);
		}
		if (changed) {
			this.changes.clientChanged(clientId);
		}
		else {
			log.info("Configured {} client {} is up to date", kind.value(), clientId);
		}
	}

	private Client toClient(RegisterClient command) {
		try {
			String clientId = (command.clientId() != null) ? command.clientId() : Ids.uuidString();
			ClientKind kind = ClientKind.fromValue(command.kind());
			if (kind == ClientKind.GATEWAY) {
				throw new IllegalArgumentException("A gateway client comes from the deployment's settings "
						+ "(lanyard.token-broker.gateway-client-id and -secret), never from the admin API");
			}
			Set<String> scopes = (command.scopes() != null) ? command.scopes() : Set.of();
			return new Client(clientId, command.name(), kind, scopes, this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidClientRequestException(ex.getMessage(), ex);
		}
	}

}
