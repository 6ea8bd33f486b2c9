package dev.lanyard.integrations.secrets.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-wraps every stored client secret that is not sealed under the active key-encryption
 * key: opens it under its old KEK and seals it under the active one. The secrets
 * themselves do not change, so neither does their version nor any snapshot. Run at
 * start-up and on an administrator's request; safe to run again and concurrently.
 */
public final class RewrapSecrets {

	private static final Logger log = LoggerFactory.getLogger(RewrapSecrets.class);

	private final SecretCipher cipher;

	private final SealedSecretStore store;

	public RewrapSecrets(SecretCipher cipher, SealedSecretStore store) {
		if (cipher == null) {
			throw new IllegalArgumentException("cipher cannot be null");
		}
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		this.cipher = cipher;
		this.store = store;
	}

	/** What a run did. */
	public record Report(String activeKeyId, int rewrapped, List<UUID> unreadable) {

		public Report {
			unreadable = List.copyOf(unreadable);
		}

	}

	public Report run() {
		int rewrapped = 0;
		List<UUID> unreadable = new ArrayList<>();
		for (SealedSecretStore.StoredSecret stored : this.store.sealedUnderOtherThan(this.cipher.activeKeyId())) {
			String secret;
			try {
				secret = this.cipher.open(stored.integrationId(), stored.sealed());
			}
			catch (SecretUnreadableException ex) {
				log.warn(ex.getMessage());
				unreadable.add(stored.integrationId());
				continue;
			}
			SealedSecret replacement = this.cipher.seal(stored.integrationId(), secret);
			if (this.store.replace(stored.integrationId(), stored.sealed(), replacement)) {
				rewrapped++;
				log.info("Re-wrapped the client secret of integration {} from key-encryption key {} to {}",
						stored.integrationId(), stored.sealed().keyId(), this.cipher.activeKeyId());
			}
		}
		return new Report(this.cipher.activeKeyId(), rewrapped, unreadable);
	}

}
