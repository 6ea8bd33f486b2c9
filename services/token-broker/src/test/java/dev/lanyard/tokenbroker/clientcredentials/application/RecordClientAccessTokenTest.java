package dev.lanyard.tokenbroker.clientcredentials.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordClientAccessTokenTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private static final Instant ISSUED = Instant.parse("2026-11-25T10:00:00.750Z");

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final RecordClientAccessToken record = new RecordClientAccessToken(this.recorded::add, CLOCK);

	@Test
	void recordWhenAuditorThenSubjectIsAuditorAndTimesInWholeSeconds() {
		assertThat(this.record.record(command(ClientKind.AUDITOR, "auditor-1")))
			.isInstanceOf(ClientAccessTokenIssuance.Recorded.class);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.subjectType()).isEqualTo("auditor");
			assertThat(issuance.tokenType()).isEqualTo("client-access");
			assertThat(issuance.contentId()).isNull();
			assertThat(issuance.scopes()).containsExactly("a", "b");
			assertThat(issuance.issuedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
			assertThat(issuance.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
		});
	}

	@Test
	void recordWhenGatewayThenSubjectIsGateway() {
		this.record.record(command(ClientKind.GATEWAY, "gw"));
		assertThat(this.recorded.getFirst().subjectType()).isEqualTo("gateway");
		assertThat(this.recorded.getFirst().tokenType()).isEqualTo("client-access");
	}

	@Test
	void recordWhenContentThenContentSession() {
		this.record.record(command(ClientKind.CONTENT, "c-42"));
		assertThat(this.recorded.getFirst().subjectType()).isEqualTo("content");
		assertThat(this.recorded.getFirst().tokenType()).isEqualTo("content-session");
		assertThat(this.recorded.getFirst().contentId()).isEqualTo("c-42");
	}

	@Test
	void recordWhenCommandNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.record.record(null))
			.withMessage("command cannot be null");
	}

	@Test
	void constructorWhenAuditTrailNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordClientAccessToken(null, CLOCK))
			.withMessage("auditTrail cannot be null");
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordClientAccessToken(this.recorded::add, null))
			.withMessage("clock cannot be null");
	}

	@Test
	void commandToStringWhenPrintedThenNoTokenValue() {
		assertThat(command(ClientKind.CONTENT, "c-42")).hasToString(
				"RecordClientAccessTokenCommand[clientId=c-42, kind=CONTENT, tokenId=jti-1, tokenValue=<redacted>,"
						+ " correlationId=req-7]");
	}

	private static RecordClientAccessTokenCommand command(ClientKind kind, String clientId) {
		return new RecordClientAccessTokenCommand(clientId, kind, "jti-1", "secret-token-value", Set.of("b", "a"),
				List.of("audit"), ISSUED, ISSUED.plusSeconds(900), "req-7");
	}

}
