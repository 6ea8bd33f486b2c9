package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.issuance.TestDenials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CredentialDenialTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";

	@Test
	void constructorWhenScopesGivenThenCopied() {
		List<String> scopes = new ArrayList<>(List.of("read"));
		CredentialDenial denial = new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "u-1", "user", null, "i-1",
				scopes, GRANT, "access_denied", "user-locked");
		scopes.add("write");
		assertThat(denial.requestedScopes()).containsExactly("read");
	}

	@Test
	void constructorWhenEventIdNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(null, NOW, "corr", null, "c", "content", "c", "i", List.of(), GRANT,
					"invalid_target", "unknown-integration"))
			.withMessage("eventId cannot be null");
	}

	@Test
	void constructorWhenOccurredAtNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), null, "corr", null, "c", "content", "c", "i",
					List.of(), GRANT, "invalid_target", "unknown-integration"))
			.withMessage("occurredAt cannot be null");
	}

	@Test
	void constructorWhenCorrelationIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, " ", null, "c", "content", "c", "i",
					List.of(), GRANT, "invalid_target", "unknown-integration"))
			.withMessage("correlationId cannot be blank");
	}

	@Test
	void constructorWhenSubjectIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "", "content", "c", "i",
					List.of(), GRANT, "invalid_target", "unknown-integration"))
			.withMessage("subjectId cannot be blank");
	}

	@Test
	void constructorWhenSubjectTypeUnknownThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "service", "c", "i",
					List.of(), GRANT, "invalid_target", "unknown-integration"))
			.withMessage("subjectType must be content, user or federated");
	}

	@Test
	void constructorWhenIntegrationIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "content", "c", null,
					List.of(), GRANT, "invalid_target", "unknown-integration"))
			.withMessage("integrationId cannot be blank");
	}

	@Test
	void constructorWhenScopesNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "content", "c", "i", null,
					GRANT, "invalid_target", "unknown-integration"))
			.withMessage("requestedScopes cannot be null");
	}

	@Test
	void constructorWhenGrantTypeBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "content", "c", "i",
					List.of(), "", "invalid_target", "unknown-integration"))
			.withMessage("grantType cannot be blank");
	}

	@Test
	void constructorWhenErrorBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "content", "c", "i",
					List.of(), GRANT, null, "unknown-integration"))
			.withMessage("error cannot be blank");
	}

	@Test
	void constructorWhenReasonNotKebabCaseThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialDenial(UUID.randomUUID(), NOW, "corr", null, "c", "content", "c", "i",
					List.of(), GRANT, "invalid_target", "UNKNOWN_INTEGRATION"))
			.withMessage("reason must be a kebab-case code");
	}

	@Test
	void printedWhenBuiltThenIdsOnly() {
		assertThat(TestDenials.notAssociated("c-42").toString()).contains("c-42", "i-7", "not-associated");
	}

}
