package dev.lanyard.provisioning.signin.application;

import java.time.Instant;
import java.util.UUID;

/** The UserLoggedIn events already applied. */
public interface ProcessedSignIns {

	/**
	 * Records a login event as applied, in the caller's transaction.
	 * @return {@code false} when it had been applied before
	 */
	boolean markProcessed(UUID loginEventId, Instant at);

}
