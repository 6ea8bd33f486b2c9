package dev.lanyard.tokenbroker.issuance.domain;

import java.util.List;

/**
 * Where a token's authority came from, beyond its subject and actor: the federated token
 * it was exchanged for, the user a service account acted for, and the delegation chain.
 * The audit trail records it with the issuance so an auditor can tell "service acted for
 * user" and "federated from issuer X" apart from a plain issuance.
 *
 * @param federatedIssuer the exact {@code iss} of the federated token presented, or
 * {@code null}
 * @param federatedSubject its {@code sub}, or {@code null}
 * @param onBehalfOfUserId backend mapping: the user the content acted for when it
 * received a service account's credential, or {@code null}
 * @param actorChain the issued token's {@code act} chain (RFC 8693 §4.1), nearest actor
 * first; empty when no one acts for the subject
 */
public record Provenance(String federatedIssuer, String federatedSubject, String onBehalfOfUserId,
		List<String> actorChain) {

	/** Nothing beyond subject and actor. */
	public static final Provenance NONE = new Provenance(null, null, null, List.of());

	public Provenance {
		if ((federatedIssuer == null) != (federatedSubject == null)) {
			throw new IllegalArgumentException("federatedIssuer and federatedSubject come together");
		}
		if (actorChain == null) {
			throw new IllegalArgumentException("actorChain cannot be null");
		}
		actorChain.forEach((actor) -> AuditRecordChecks.requireText(actor, "actorChain entry"));
		actorChain = List.copyOf(actorChain);
	}

	/** Exchanged for a token of a trusted federation issuer. */
	public static Provenance federated(String issuer, String subject) {
		AuditRecordChecks.requireText(issuer, "issuer");
		AuditRecordChecks.requireText(subject, "subject");
		return new Provenance(issuer, subject, null, List.of());
	}

	/** A service account's credential handed to content acting for this user. */
	public static Provenance onBehalfOf(String userId) {
		AuditRecordChecks.requireText(userId, "userId");
		return new Provenance(null, null, userId, List.of());
	}

	/** A delegated token whose {@code act} chain is this, nearest actor first. */
	public static Provenance delegated(List<String> actorChain) {
		if (actorChain == null || actorChain.isEmpty()) {
			throw new IllegalArgumentException("actorChain cannot be empty");
		}
		return new Provenance(null, null, null, actorChain);
	}

}
