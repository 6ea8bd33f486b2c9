package dev.lanyard.tokenbroker.keys.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The store's contract in memory, for unit tests. */
public final class InMemorySigningKeyStore implements SigningKeyStore {

	final List<StoredSigningKey> keys = new ArrayList<>();

	@Override
	public synchronized List<StoredSigningKey> findAll() {
		return List.copyOf(this.keys);
	}

	@Override
	public synchronized boolean insertActive(StoredSigningKey key) {
		if (this.keys.stream().anyMatch((k) -> k.active() && k.algorithm() == key.algorithm())) {
			return false;
		}
		return this.keys.add(key);
	}

	@Override
	public synchronized boolean rotate(String currentKid, StoredSigningKey next, Instant at) {
		for (int i = 0; i < this.keys.size(); i++) {
			StoredSigningKey key = this.keys.get(i);
			if (key.kid().equals(currentKid) && key.active()) {
				this.keys.set(i, new StoredSigningKey(key.kid(), key.algorithm(), key.keyEncryption(), key.material(),
						key.createdAt(), at));
				return this.keys.add(next);
			}
		}
		return false;
	}

	@Override
	public synchronized List<String> deleteRetiredBefore(Instant cutoff) {
		List<String> dropped = this.keys.stream()
			.filter((k) -> !k.active() && k.retiredAt().isBefore(cutoff))
			.map(StoredSigningKey::kid)
			.toList();
		this.keys.removeIf((k) -> dropped.contains(k.kid()));
		return dropped;
	}

}
