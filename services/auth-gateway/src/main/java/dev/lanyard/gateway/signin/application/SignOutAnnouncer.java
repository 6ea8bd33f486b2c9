package dev.lanyard.gateway.signin.application;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes UserSignedOut: token-broker then refuses every token minted for that browser
 * session. The future completes when Kafka acknowledged it.
 */
public interface SignOutAnnouncer {

	CompletableFuture<Void> announce(String userId, String sessionId, String correlationId);

}
