package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenRevocationTest {

	private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void userDeactivatedWhenSameDeactivationThenSameEventId() {
		UUID deactivation = UUID.randomUUID();

		TokenRevocation first = TokenRevocation.userDeactivated(deactivation, "u-1", null, "corr-1", AT);
		TokenRevocation again = TokenRevocation.userDeactivated(deactivation, "u-1", null, "corr-1", AT);
		TokenRevocation other = TokenRevocation.userDeactivated(UUID.randomUUID(), "u-1", null, "corr-1", AT);

		assertThat(again.eventId()).isEqualTo(first.eventId()).isNotEqualTo(deactivation);
		assertThat(other.eventId()).isNotEqualTo(first.eventId());
		assertThat(first.integrationId()).isNull();
		assertThat(first.tokenId()).isNull();
	}

	@Test
	void disconnectedWhenNoIntegrationThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenRevocation.disconnected("u-1", " ", "corr-1", AT))
			.withMessage("integrationId cannot be blank");
	}

	@Test
	void constructorWhenReasonNotKebabCaseThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenRevocation(UUID.randomUUID(), AT, "corr-1", null, "u-1", "user", null, null,
					"User Deactivated"))
			.withMessage("reason must be a kebab-case code");
	}

	@Test
	void constructorWhenSubjectTypeUnknownThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenRevocation(UUID.randomUUID(), AT, "corr-1", null, "u-1", "robot", null, null,
					"disconnected"))
			.withMessage("subjectType must be content or user");
	}

}
