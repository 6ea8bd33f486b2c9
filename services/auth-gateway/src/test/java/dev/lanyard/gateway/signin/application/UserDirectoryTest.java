package dev.lanyard.gateway.signin.application;

import java.time.Instant;
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

		this.directory.deactivate("u-1", Instant.EPOCH);

		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> {
			assertThat(u.active()).isFalse();
			assertThat(u.mayUseLanyard()).isFalse();
		});
		this.directory.record(user(2, true));
		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> assertThat(u.active()).isTrue());
	}

	@Test
	void deactivateWhenUnknownThenStillUnknown() {
		assertThat(this.directory.deactivate("u-9", Instant.EPOCH)).isTrue();

		assertThat(this.directory.find("u-9")).isEmpty();
	}

	@Test
	void deactivateWhenLaterSnapshotHeldThenFalseAndStillActive() {
		this.directory.record(user(3, true), Instant.parse("2026-12-05T10:05:00Z"));

		assertThat(this.directory.deactivate("u-1", Instant.parse("2026-12-05T10:00:00Z"))).isFalse();
		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> assertThat(u.active()).isTrue());
	}

	@Test
	void deactivateWhenSnapshotOfTheSameMomentThenTrueAndInactive() {
		Instant at = Instant.parse("2026-12-05T10:00:00Z");
		this.directory.record(user(3, false), at);

		assertThat(this.directory.deactivate("u-1", at)).isTrue();
		assertThat(this.directory.find("u-1")).hasValueSatisfying((u) -> assertThat(u.active()).isFalse());
	}

	private static KnownUser user(long version, boolean active) {
		return new KnownUser("u-1", "sub-1", "ada", "ada@example.com", "Ada", "Lovelace", "viewer", false, active,
				List.of("g-1"), version);
	}

}
