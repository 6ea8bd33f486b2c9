package dev.lanyard.tokenbroker.clients.application;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

/** A {@link ClientStore} in a map, counting lookups. */
public final class InMemoryClientStore implements ClientStore {

	private final Map<String, StoredClient> clients = new ConcurrentHashMap<>();

	private final AtomicInteger finds = new AtomicInteger();

	@Override
	public boolean insert(Client client, String secretHash) {
		return this.clients.putIfAbsent(client.clientId(), new StoredClient(client, secretHash)) == null;
	}

	@Override
	public List<Client> findAll() {
		return this.clients.values()
			.stream()
			.map(StoredClient::client)
			.sorted(Comparator.comparing(Client::createdAt))
			.toList();
	}

	@Override
	public Optional<StoredClient> find(String clientId) {
		this.finds.incrementAndGet();
		return Optional.ofNullable(this.clients.get(clientId));
	}

	@Override
	public boolean delete(String clientId) {
		return this.clients.remove(clientId) != null;
	}

	@Override
	public boolean replaceSecretHash(String clientId, String secretHash) {
		return this.clients.computeIfPresent(clientId, (id, old) -> new StoredClient(old.client(), secretHash)) != null;
	}

	@Override
	public boolean changeKind(String clientId, ClientKind kind) {
		return this.clients.computeIfPresent(clientId, (id, old) -> {
			Client c = old.client();
			return new StoredClient(new Client(c.clientId(), c.name(), kind, c.scopes(), c.createdAt()),
					old.secretHash());
		}) != null;
	}

	public int finds() {
		return this.finds.get();
	}

	public String secretHashOf(String clientId) {
		return this.clients.get(clientId).secretHash();
	}

}
