package dev.lanyard.provisioning.scim.auth.application;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.shared.application.Transactions;

/** SCIM clients in memory, with the secrets' hashes kept apart for the tests to read. */
final class InMemoryScimClients implements ScimClientStore, Transactions {

	final Map<UUID, ScimClientAccount> clients = new LinkedHashMap<>();

	final Map<UUID, ByteBuffer> hashes = new LinkedHashMap<>();

	final List<UUID> markedUsed = new ArrayList<>();

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return work.get();
	}

	@Override
	public void insert(ScimClientAccount client, byte[] secretSha256) {
		this.clients.put(client.id(), client);
		this.hashes.put(client.id(), ByteBuffer.wrap(secretSha256.clone()));
	}

	@Override
	public Optional<ScimClientAccount> find(UUID id) {
		return Optional.ofNullable(this.clients.get(id));
	}

	@Override
	public List<ScimClientAccount> all() {
		return this.clients.values().stream().sorted(Comparator.comparing(ScimClientAccount::name)).toList();
	}

	@Override
	public boolean nameTaken(String name) {
		return this.clients.values().stream().anyMatch((client) -> !client.revoked() && client.name().equals(name));
	}

	@Override
	public Optional<ScimClientAccount> findActiveBySecret(byte[] secretSha256) {
		return this.hashes.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(ByteBuffer.wrap(secretSha256)))
			.map((entry) -> this.clients.get(entry.getKey()))
			.filter((client) -> !client.revoked())
			.findFirst();
	}

	@Override
	public boolean replaceSecret(UUID id, byte[] secretSha256, Instant rotatedAt) {
		ScimClientAccount client = this.clients.get(id);
		if (client == null || client.revoked()) {
			return false;
		}
		this.hashes.put(id, ByteBuffer.wrap(secretSha256.clone()));
		this.clients.put(id,
				new ScimClientAccount(id, client.name(), client.createdAt(), rotatedAt, null, client.lastUsedAt()));
		return true;
	}

	@Override
	public boolean revoke(UUID id, Instant revokedAt) {
		ScimClientAccount client = this.clients.get(id);
		if (client == null || client.revoked()) {
			return false;
		}
		this.clients.put(id, new ScimClientAccount(id, client.name(), client.createdAt(), client.rotatedAt(), revokedAt,
				client.lastUsedAt()));
		return true;
	}

	@Override
	public void markUsed(UUID id, Instant usedAt) {
		this.markedUsed.add(id);
		ScimClientAccount client = this.clients.get(id);
		this.clients.put(id, new ScimClientAccount(id, client.name(), client.createdAt(), client.rotatedAt(),
				client.revokedAt(), usedAt));
	}

}
