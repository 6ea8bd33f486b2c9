package dev.lanyard.tokenbroker.users.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AwaitUserTest {

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final UserArrivals arrivals = new UserArrivals();

	private final AwaitUser awaitUser = new AwaitUser(this.users, this.arrivals);

	private final UpdateUserReadModel update = new UpdateUserReadModel(this.users, this.arrivals);

	@Test
	void awaitWhenVersionArrivesLaterThenReturnsIt() throws Exception {
		this.update.apply(user(1));
		Thread.ofVirtual().start(() -> {
			sleep(100);
			this.update.apply(user(2));
		});
		long started = System.nanoTime();
		assertThat(this.awaitUser.await("u-1", 2L, Duration.ofSeconds(5)))
			.hasValueSatisfying((user) -> assertThat(user.version()).isEqualTo(2));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void awaitWhenVersionNeverArrivesThenOlderAfterTimeout() throws Exception {
		this.update.apply(user(1));
		assertThat(this.awaitUser.await("u-1", 5L, Duration.ofMillis(100)))
			.hasValueSatisfying((user) -> assertThat(user.version()).isEqualTo(1));
	}

	@Test
	void awaitWhenUnknownThenEmptyAfterTimeout() throws Exception {
		assertThat(this.awaitUser.await("nobody", null, Duration.ofMillis(50))).isEmpty();
	}

	@Test
	void applyWhenOlderVersionThenIgnored() {
		this.update.apply(user(3));
		this.update.apply(user(2));
		assertThat(this.users.find("u-1")).hasValueSatisfying((user) -> assertThat(user.version()).isEqualTo(3));
	}

	@Test
	void deactivateWhenAfterSnapshotThenInactive() throws Exception {
		this.update.apply(user(1));
		this.update.deactivate(
				new DeactivateUser(UUID.randomUUID(), "u-1", Instant.parse("2026-11-25T11:00:00Z"), null, "corr-1"));
		assertThat(this.users.find("u-1")).hasValueSatisfying((user) -> assertThat(user.active()).isFalse());
	}

	@Test
	void constructorWhenUsersNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AwaitUser(null, this.arrivals))
			.withMessage("users cannot be null");
	}

	@Test
	void constructorWhenArrivalsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AwaitUser(this.users, null))
			.withMessage("arrivals cannot be null");
	}

	@Test
	void awaitWhenTimeoutNegativeThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.awaitUser.await("u-1", null, Duration.ofSeconds(-1)))
			.withMessage("timeout cannot be null or negative");
	}

	@Test
	void updateConstructorWhenUsersNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpdateUserReadModel(null, this.arrivals))
			.withMessage("users cannot be null");
	}

	@Test
	void updateConstructorWhenArrivalsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpdateUserReadModel(this.users, null))
			.withMessage("arrivals cannot be null");
	}

	static UserSnapshot user(long version) {
		return new UserSnapshot("u-1", "ann", "viewer", false, true, Set.of("g-1"), version,
				Instant.parse("2026-11-25T10:00:00Z").plusSeconds(version));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
