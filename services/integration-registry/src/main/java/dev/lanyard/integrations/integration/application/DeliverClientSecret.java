package dev.lanyard.integrations.integration.application;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.secrets.application.SecretCipher;

/**
 * Hands an integration's client secret to token-broker, the one service that uses it.
 * Each delivery is logged by integration id and caller, never with the secret.
 */
public final class DeliverClientSecret {

	private static final Logger log = LoggerFactory.getLogger(DeliverClientSecret.class);

	private final IntegrationStore store;

	private final SecretCipher cipher;

	public DeliverClientSecret(IntegrationStore store, SecretCipher cipher) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (cipher == null) {
			throw new IllegalArgumentException("cipher cannot be null");
		}
		this.store = store;
		this.cipher = cipher;
	}

	/** The secret and its version, read together. */
	public record DeliveredSecret(UUID integrationId, long secretVersion, ClientSecret clientSecret) {
	}

	/**
	 * @param id the integration
	 * @param caller who asks (the token's {@code sub}), for the log
	 * @throws IntegrationNotFoundException when there is no live integration with a
	 * secret
	 */
	public DeliveredSecret deliver(UUID id, String caller) {
		IntegrationStore.StoredClientSecret stored = this.store.secretOf(id)
			.orElseThrow(() -> IntegrationNotFoundException.of(id));
		ClientSecret secret = new ClientSecret(this.cipher.open(id, stored.sealed()));
		log.info("Delivered client secret version {} of integration {} to {}", stored.secretVersion(), id, caller);
		return new DeliveredSecret(id, stored.secretVersion(), secret);
	}

}
