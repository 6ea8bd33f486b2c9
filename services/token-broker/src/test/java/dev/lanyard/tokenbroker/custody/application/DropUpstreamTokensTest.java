package dev.lanyard.tokenbroker.custody.application;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.users.application.DeactivateUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DropUpstreamTokensTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final InMemoryUpstreamTokenStore store = new InMemoryUpstreamTokenStore();

	private final DropUpstreamTokens drop = new DropUpstreamTokens(this.store);

	@Test
	void sessionEndedWhenSignedOutThenOnlyThatSessionsTokenDropped() {
		keep("s-1", "u-1");
		keep("s-2", "u-1");

		this.drop.sessionEnded("s-1", "u-1");

		assertThat(this.store.find("s-1", "u-1", NOW)).isEmpty();
		assertThat(this.store.find("s-2", "u-1", NOW)).isPresent();
	}

	@Test
	void userDeactivatedWhenUserHasSessionsThenEveryTokenOfTheUserDropped() {
		keep("s-1", "u-1");
		keep("s-2", "u-1");
		keep("s-3", "u-2");

		this.drop.userDeactivated(new DeactivateUser(UUID.randomUUID(), "u-1", NOW, "admin", "corr"));

		assertThat(this.store.find("s-1", "u-1", NOW)).isEmpty();
		assertThat(this.store.find("s-2", "u-1", NOW)).isEmpty();
		assertThat(this.store.find("s-3", "u-2", NOW)).isPresent();
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DropUpstreamTokens(null))
			.withMessage("store cannot be null");
	}

	private void keep(String sessionId, String userId) {
		this.store.save(new UpstreamToken(sessionId, userId, "upstream-" + sessionId, NOW.plusSeconds(600)), NOW);
	}

}
