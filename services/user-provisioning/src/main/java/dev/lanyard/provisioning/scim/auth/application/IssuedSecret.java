package dev.lanyard.provisioning.scim.auth.application;

import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;

/**
 * A client with the secret just issued to it: the only time the secret exists outside the
 * caller's hands.
 *
 * @param client the client
 * @param secret the bearer secret, to be shown once and then forgotten
 */
public record IssuedSecret(ScimClientAccount client, String secret) {

	public IssuedSecret {
		if (client == null || secret == null) {
			throw new IllegalArgumentException("client and secret cannot be null");
		}
	}

	@Override
	public String toString() {
		// a record's default toString would print the secret into any log that prints
		// this
		return "IssuedSecret[client=" + this.client.id() + "]";
	}

}
