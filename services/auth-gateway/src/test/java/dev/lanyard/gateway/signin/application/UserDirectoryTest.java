package dev.lanyard.gateway.signin.application;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.gateway.signin.domain.KnownUser;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoryTest {

	private final UserDirectory directory = new UserDirectory();

	@Test
	void recordWhenOlderVersionThenKeepsTheNewer() {
		this.directory.record(user(2, true));
		this.directory.record(user(1, true));

		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> assertThat(u.version()).isEqualTo(2));
	}

	@Test
	void deactivateWhenKnownThenInactiveUntilALaterSnapshot() {
		this.directory.record(user(1, true));

		this.directory.deactivate("u-1");

		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> {
			assertThat(u.active()).isFalse();
			assertThat(u.mayUseLanyard()).isFalse();
		});
		this.directory.record(user(2, true));
		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> assertThat(u.active()).isTrue());
	}

	@Test
	void deactivateWhenUnknownThenStillUnknown() {
		this.directory.deactivate("u-9");

		assertThat(this.directory.find("u-9")).isEmpty();
	}

	private static KnownUser user(long version, boolean active) {
		return new KnownUser("u-1", "sub-1", "ada", "ada@example.com", "Ada", "Lovelace", "viewer", false, active,
				List.of("g-1"), version);
	}

}
