package dev.lanyard.tokenbroker.connections.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.RevocationRecorder;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;
import dev.lanyard.tokenbroker.users.application.DeactivateUser;
import dev.lanyard.tokenbroker.users.application.UserDeactivationListener;

/**
 * A deactivated user loses every connection at once: refresh tokens, pending connect
 * attempts and the access tokens this instance holds (other instances hand nothing out
 * either: every exchange checks the stored connection and the user's standing first). The
 * loss is recorded as one TokenRevoked for all of the user's tokens.
 */
public final class ForgetDeactivatedUser implements UserDeactivationListener {

	private static final Logger log = LoggerFactory.getLogger(ForgetDeactivatedUser.class);

	private final ConnectionStore store;

	private final ViewerTokens tokens;

	private final RevocationRecorder revocations;

	public ForgetDeactivatedUser(ConnectionStore store, ViewerTokens tokens, RevocationRecorder revocations) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (revocations == null) {
			throw new IllegalArgumentException("revocations cannot be null");
		}
		this.store = store;
		this.tokens = tokens;
		this.revocations = revocations;
	}

	/**
	 * Forgets the user's tokens, then records that.
	 * @throws AuditTrailUnavailableException when the record was not acknowledged in
	 * time; the deactivation event is then handled again, which deletes nothing more and
	 * records the same revocation (same event id)
	 */
	@Override
	public void userDeactivated(DeactivateUser deactivation) throws AuditTrailUnavailableException {
		String userId = deactivation.userId();
		int deleted = this.store.deleteAllOf(userId);
		this.tokens.forgetAll(userId);
		if (deleted > 0) {
			log.info("Deleted {} connection(s) of deactivated user {}", deleted, userId);
		}
		this.revocations.record(TokenRevocation.userDeactivated(deactivation.eventId(), userId, deactivation.actorId(),
				deactivation.correlationId(), deactivation.deactivatedAt()));
	}

}
