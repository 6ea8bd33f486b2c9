package dev.lanyard.integrations.integration.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.secrets.application.SealedSecret;

/**
 * An {@link IntegrationStore} in maps, with {@link Transactions} that restore the maps
 * when the work throws, as a rollback would.
 */
final class InMemoryIntegrationStore implements IntegrationStore, Transactions {

	Map<UUID, Integration> live = new LinkedHashMap<>();

	Map<UUID, StoredClientSecret> secrets = new LinkedHashMap<>();

	@Override
	public <T> T inTransaction(java.util.function.Supplier<T> work) {
		Map<UUID, Integration> liveBefore = new LinkedHashMap<>(this.live);
		Map<UUID, StoredClientSecret> secretsBefore = new LinkedHashMap<>(this.secrets);
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			this.live = liveBefore;
			this.secrets = secretsBefore;
			throw ex;
		}
	}

	@Override
	public void insert(Integration integration, SealedSecret secret) {
		this.live.put(integration.id(), integration);
		if (secret != null) {
			this.secrets.put(integration.id(), new StoredClientSecret(integration.secretVersion(), secret));
		}
	}

	@Override
	public Optional<Integration> lock(UUID id) {
		return find(id);
	}

	@Override
	public Optional<Integration> find(UUID id) {
		return Optional.ofNullable(this.live.get(id));
	}

	@Override
	public List<Integration> list() {
		return this.live.values()
			.stream()
			.sorted(Comparator.comparing((Integration i) -> i.settings().name().toLowerCase()))
			.toList();
	}

	@Override
	public boolean nameTaken(String name, UUID except) {
		return this.live.values()
			.stream()
			.anyMatch((i) -> !i.id().equals(except) && i.settings().name().equalsIgnoreCase(name));
	}

	@Override
	public void update(Integration integration) {
		this.live.put(integration.id(), integration);
	}

	@Override
	public void updateSecret(Integration integration, SealedSecret secret) {
		this.live.put(integration.id(), integration);
		if (secret != null) {
			this.secrets.put(integration.id(), new StoredClientSecret(integration.secretVersion(), secret));
		}
	}

	@Override
	public void markDeleted(Integration integration) {
		this.live.remove(integration.id());
		this.secrets.remove(integration.id());
	}

	@Override
	public void addContent(Integration integration, String contentId, Instant at, String by) {
		this.live.put(integration.id(), integration);
	}

	@Override
	public void removeContent(Integration integration, String contentId) {
		this.live.put(integration.id(), integration);
	}

	@Override
	public Optional<StoredClientSecret> secretOf(UUID id) {
		return Optional.ofNullable(this.secrets.get(id));
	}

}
