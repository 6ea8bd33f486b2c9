package dev.lanyard.integrations.secrets.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A {@link SealedSecretStore} in a map. */
final class InMemorySealedSecrets implements SealedSecretStore {

	final Map<UUID, SealedSecret> secrets = new LinkedHashMap<>();

	@Override
	public List<StoredSecret> sealedUnderOtherThan(String keyId) {
		return this.secrets.entrySet()
			.stream()
			.filter((e) -> !e.getValue().keyId().equals(keyId))
			.map((e) -> new StoredSecret(e.getKey(), e.getValue()))
			.toList();
	}

	@Override
	public boolean replace(UUID integrationId, SealedSecret expected, SealedSecret replacement) {
		return this.secrets.replace(integrationId, expected, replacement);
	}

}
