package dev.lanyard.tokenbroker.clients.domain;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void constructorWhenValidThenKeepsValues() {
		Client client = new Client("c-42", "Sales dashboard", ClientKind.CONTENT, Set.of("read"), NOW);
		assertThat(client.clientId()).isEqualTo("c-42");
		assertThat(client.scopes()).containsExactly("read");
	}

	@Test
	void constructorWhenClientIdNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Client(null, "n", ClientKind.CONTENT, Set.of(), NOW))
			.withMessageStartingWith("clientId must be");
	}

	@Test
	void constructorWhenClientIdHasColonThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Client("a:b", "n", ClientKind.CONTENT, Set.of(), NOW))
			.withMessageStartingWith("clientId must be");
	}

	@Test
	void constructorWhenClientIdTooLongThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Client("a".repeat(129), "n", ClientKind.CONTENT, Set.of(), NOW))
			.withMessageStartingWith("clientId must be");
	}

	@Test
	void constructorWhenNameBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Client("c-1", " ", ClientKind.CONTENT, Set.of(), NOW))
			.withMessage("name cannot be blank");
	}

	@Test
	void constructorWhenNameTooLongThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Client("c-1", "n".repeat(201), ClientKind.CONTENT, Set.of(), NOW))
			.withMessage("name cannot be longer than 200 characters");
	}

	@Test
	void constructorWhenKindNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Client("c-1", "n", null, Set.of(), NOW))
			.withMessage("kind cannot be null");
	}

	@Test
	void constructorWhenScopesNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Client("c-1", "n", ClientKind.CONTENT, null, NOW))
			.withMessage("scopes cannot be null");
	}

	@Test
	void constructorWhenScopeHasSpaceThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Client("c-1", "n", ClientKind.CONTENT, Set.of("a b"), NOW))
			.withMessageStartingWith("scopes must be");
	}

	@Test
	void constructorWhenCreatedAtNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Client("c-1", "n", ClientKind.CONTENT, Set.of(), null))
			.withMessage("createdAt cannot be null");
	}

	@Test
	void fromValueWhenUnknownKindThenNamesTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientKind.fromValue("publisher"))
			.withMessage("kind must be one of content, auditor, administrator, gateway");
	}

	@Test
	void fromValueWhenKnownThenReturnsKind() {
		assertThat(ClientKind.fromValue("auditor")).isEqualTo(ClientKind.AUDITOR);
	}

}
