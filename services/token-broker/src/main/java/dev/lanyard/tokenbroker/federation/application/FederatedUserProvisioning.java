package dev.lanyard.tokenbroker.federation.application;

import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;

/**
 * user-provisioning, the single writer of users, asked to make a federated person a user
 * just in time (a synchronous call: the token request waits for its answer).
 */
public interface FederatedUserProvisioning {

	/**
	 * The user now bound to the person's identity (created, or already there), or why a
	 * sign-in with these claims would be refused.
	 * @throws ExternalServiceUnavailableException when user-provisioning did not answer
	 * in time or answered anything else (nothing can be said of the user)
	 */
	Admission admit(NewFederatedUser user, String correlationId) throws ExternalServiceUnavailableException;

	/** user-provisioning's answer. */
	sealed interface Admission {

		/** The user's id and the version of the snapshot that announces them. */
		record Admitted(String userId, long version) implements Admission {

			public Admitted {
				if (userId == null || userId.isBlank()) {
					throw new IllegalArgumentException("userId cannot be blank");
				}
			}

		}

		/** Refused by the sign-in's rules, e.g. {@code no-access-group}. */
		record NotAdmitted(String reason) implements Admission {

		}

	}

}
