package dev.lanyard.tokenbroker.users.domain;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserSnapshotTest {

	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void standingWhenLockedThenLockedEvenIfInactive() {
		assertThat(new UserSnapshot("u", "ann", "viewer", true, false, Set.of(), 1, AT).standing())
			.isEqualTo(UserSnapshot.Standing.LOCKED);
	}

	@Test
	void standingWhenInactiveThenInactive() {
		assertThat(new UserSnapshot("u", "ann", "viewer", false, false, Set.of(), 1, AT).standing())
			.isEqualTo(UserSnapshot.Standing.INACTIVE);
	}

	@Test
	void standingWhenActiveAndUnlockedThenGood() {
		assertThat(new UserSnapshot("u", "ann", "viewer", false, true, Set.of("g"), 1, AT).standing())
			.isEqualTo(UserSnapshot.Standing.GOOD);
	}

	@Test
	void constructorWhenUserIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot(" ", "ann", "viewer", false, true, Set.of(), 1, AT))
			.withMessage("userId cannot be blank");
	}

	@Test
	void constructorWhenUsernameBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot("u", "", "viewer", false, true, Set.of(), 1, AT))
			.withMessage("username cannot be blank");
	}

	@Test
	void constructorWhenRoleBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot("u", "ann", null, false, true, Set.of(), 1, AT))
			.withMessage("role cannot be blank");
	}

	@Test
	void constructorWhenGroupIdsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot("u", "ann", "viewer", false, true, null, 1, AT))
			.withMessage("groupIds cannot be null");
	}

	@Test
	void constructorWhenVersionNegativeThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot("u", "ann", "viewer", false, true, Set.of(), -1, AT))
			.withMessage("version cannot be negative");
	}

	@Test
	void constructorWhenChangedAtNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSnapshot("u", "ann", "viewer", false, true, Set.of(), 1, null))
			.withMessage("changedAt cannot be null");
	}

}
