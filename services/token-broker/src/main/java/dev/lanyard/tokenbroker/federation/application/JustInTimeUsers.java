package dev.lanyard.tokenbroker.federation.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;
import dev.lanyard.tokenbroker.federation.domain.UserField;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Just-in-time creation for an oidc-federation rule with {@code createUsers}: asks
 * user-provisioning for the user (bound to the token's issuer and unique id), then waits
 * for that user's snapshot in the read model, so the token is issued exactly as for a
 * known user. The arrived user must match the rule's claim as a known one would: a person
 * already bound to the identity under another email is not silently taken.
 */
public final class JustInTimeUsers {

	private static final Logger log = LoggerFactory.getLogger(JustInTimeUsers.class);

	private final FederatedUserProvisioning provisioning;

	private final AwaitUser arrivals;

	private final FederatedUsers users;

	private final Duration arrivalTimeout;

	public JustInTimeUsers(FederatedUserProvisioning provisioning, AwaitUser arrivals, FederatedUsers users,
			Duration arrivalTimeout) {
		if (provisioning == null || arrivals == null || users == null) {
			throw new IllegalArgumentException("provisioning, arrivals and users cannot be null");
		}
		if (arrivalTimeout == null || arrivalTimeout.isNegative() || arrivalTimeout.isZero()) {
			throw new IllegalArgumentException("arrivalTimeout must be positive");
		}
		this.provisioning = provisioning;
		this.arrivals = arrivals;
		this.users = users;
		this.arrivalTimeout = arrivalTimeout;
	}

	/**
	 * @param token accepted by an oidc-federation rule with {@code createUsers}
	 * @param matchValue the rule's match claim's value, which named no known user
	 */
	public Outcome create(VerifiedToken token, String matchValue, String correlationId) {
		if (token == null || matchValue == null || correlationId == null) {
			throw new IllegalArgumentException("token, matchValue and correlationId cannot be null");
		}
		FederationTrust trust = token.trust();
		Optional<NewFederatedUser> person = person(token, matchValue);
		if (person.isEmpty()) {
			return new Outcome.NotAdmitted("no-subject");
		}
		FederatedUserProvisioning.Admission admission;
		try {
			admission = this.provisioning.admit(person.get(), correlationId);
		}
		catch (ExternalServiceUnavailableException ex) {
			log.warn("Federation rule {}: user-provisioning unavailable for a just-in-time user: {}",
					trust.integrationId(), ex.getMessage());
			return new Outcome.Unavailable();
		}
		if (admission instanceof FederatedUserProvisioning.Admission.NotAdmitted refused) {
			return new Outcome.NotAdmitted(refused.reason());
		}
		FederatedUserProvisioning.Admission.Admitted admitted = (FederatedUserProvisioning.Admission.Admitted) admission;
		Optional<UserSnapshot> arrived;
		try {
			arrived = this.arrivals.await(admitted.userId(), admitted.version(), this.arrivalTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome.Unavailable();
		}
		if (arrived.isEmpty() || arrived.get().version() < admitted.version()) {
			log.warn("Federation rule {}: user {} did not arrive in the read model within {}", trust.integrationId(),
					admitted.userId(), this.arrivalTimeout);
			return new Outcome.Unavailable();
		}
		List<UserSnapshot> matched = this.users.find(trust.userField(), matchValue);
		if (matched.size() != 1 || !matched.getFirst().userId().equals(admitted.userId())) {
			log.warn("Federation rule {}: user {} is bound to the identity but does not match claim {}",
					trust.integrationId(), admitted.userId(), trust.matchClaim());
			return new Outcome.Mismatch();
		}
		return new Outcome.Arrived(matched.getFirst());
	}

	/**
	 * The person, bound as a sign-in from the token's issuer would be: the unique id is
	 * {@code sub} unless the rule matches by unique id on another claim.
	 */
	private static Optional<NewFederatedUser> person(VerifiedToken token, String matchValue) {
		UserField field = token.trust().userField();
		String uniqueId = (field == UserField.UNIQUE_ID) ? matchValue : token.subject();
		if (uniqueId == null || uniqueId.isBlank()) {
			return Optional.empty();
		}
		String username = (field == UserField.USERNAME) ? matchValue : null;
		String email = (field == UserField.EMAIL) ? matchValue : text(token, "email");
		return Optional.of(new NewFederatedUser(token.issuer(), uniqueId, username, email, text(token, "given_name"),
				text(token, "family_name"), groups(token)));
	}

	private static String text(VerifiedToken token, String claim) {
		return (token.claims().get(claim) instanceof String value && !value.isBlank()) ? value : null;
	}

	private static List<String> groups(VerifiedToken token) {
		if (!(token.claims().get("groups") instanceof List<?> values)) {
			return null;
		}
		return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	/** What became of the attempt. */
	public sealed interface Outcome {

		/** The user, created or already bound, as the read model now holds them. */
		record Arrived(UserSnapshot user) implements Outcome {
		}

		/** A sign-in with these claims would be refused ({@code reason} as it says). */
		record NotAdmitted(String reason) implements Outcome {
		}

		/** The user bound to the identity does not match the rule's claim. */
		record Mismatch() implements Outcome {
		}

		/** user-provisioning did not answer, or the user did not arrive in time. */
		record Unavailable() implements Outcome {
		}

	}

}
