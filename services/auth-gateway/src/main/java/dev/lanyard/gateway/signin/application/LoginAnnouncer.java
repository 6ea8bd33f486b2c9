package dev.lanyard.gateway.signin.application;

import java.util.concurrent.CompletableFuture;

/** Publishes UserLoggedIn; the future completes when Kafka acknowledged it. */
public interface LoginAnnouncer {

	CompletableFuture<Void> announce(SignInCommand command);

}
