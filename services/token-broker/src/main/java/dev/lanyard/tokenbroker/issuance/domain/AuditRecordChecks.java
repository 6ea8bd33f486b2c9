package dev.lanyard.tokenbroker.issuance.domain;

import java.util.regex.Pattern;

/** The checks the audit trail's records share, with the same messages. */
final class AuditRecordChecks {

	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private AuditRecordChecks() {
	}

	static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be blank");
		}
	}

	/** {@link CredentialDenial#CONTENT} or {@link CredentialDenial#USER}. */
	static void requireContentOrUser(String subjectType) {
		if (!CredentialDenial.CONTENT.equals(subjectType) && !CredentialDenial.USER.equals(subjectType)) {
			throw new IllegalArgumentException("subjectType must be content or user");
		}
	}

	/** A short kebab-case code, e.g. {@code not-associated}. */
	static void requireReasonCode(String reason) {
		if (reason == null || !KEBAB_CASE.matcher(reason).matches()) {
			throw new IllegalArgumentException("reason must be a kebab-case code");
		}
	}

}
