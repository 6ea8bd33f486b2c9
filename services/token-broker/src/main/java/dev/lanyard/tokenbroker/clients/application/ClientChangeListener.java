package dev.lanyard.tokenbroker.clients.application;

/**
 * Told when a client was added, removed or got a new secret, so copies can be dropped.
 */
@FunctionalInterface
public interface ClientChangeListener {

	void clientChanged(String clientId);

}
