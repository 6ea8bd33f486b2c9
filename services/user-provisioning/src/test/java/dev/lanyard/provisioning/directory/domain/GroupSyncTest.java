package dev.lanyard.provisioning.directory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupSyncTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final GroupSync MANUAL = new GroupSync(GroupProvisioning.MANUAL, GroupMatching.NAME);

	private static final GroupSync AUTO = new GroupSync(GroupProvisioning.AUTO, GroupMatching.NAME);

	private static final GroupSync BY_ID = new GroupSync(GroupProvisioning.MANUAL, GroupMatching.UNIQUE_ID);

	private final Group engineers = group("Engineers", "e-1");

	private final Group admins = group("Admins", "a-1");

	private final Group sales = group("Sales", "s-1");

	private final Function<String, Group> create = (name) -> group(name, null);

	@Test
	void planWhenManualAndNameUnknownThenIgnored() {
		GroupSync.Plan plan = MANUAL.plan(List.of("Engineers", "Unknown"), Map.of("Engineers", this.engineers),
				List.of(), this.create);
		assertThat(plan.created()).isEmpty();
		assertThat(plan.added()).containsExactly(this.engineers);
		assertThat(plan.after()).containsExactly(this.engineers);
	}

	@Test
	void planWhenClaimDiffersFromMembershipsThenAddsAndRemoves() {
		GroupSync.Plan plan = MANUAL.plan(List.of("Engineers", "Admins"),
				Map.of("Engineers", this.engineers, "Admins", this.admins), List.of(this.engineers, this.sales),
				this.create);
		assertThat(plan.added()).containsExactly(this.admins);
		assertThat(plan.removed()).containsExactly(this.sales);
		assertThat(plan.after()).containsExactlyInAnyOrder(this.engineers, this.admins);
		assertThat(plan.changesMemberships()).isTrue();
	}

	@Test
	void planWhenClaimEqualsMembershipsThenNoChange() {
		GroupSync.Plan plan = MANUAL.plan(List.of("Engineers"), Map.of("Engineers", this.engineers),
				List.of(this.engineers), this.create);
		assertThat(plan.changesMemberships()).isFalse();
	}

	@Test
	void planWhenClaimEmptyThenRemovesEveryMembership() {
		GroupSync.Plan plan = MANUAL.plan(List.of(), Map.of(), List.of(this.engineers, this.sales), this.create);
		assertThat(plan.removed()).containsExactly(this.engineers, this.sales);
		assertThat(plan.after()).isEmpty();
	}

	@Test
	void planWhenAutoAndNameUnknownThenCreatedOnceAndAdded() {
		GroupSync.Plan plan = AUTO.plan(List.of("Data Science", "Data Science", " "), Map.of(), List.of(), this.create);
		assertThat(plan.created()).extracting(Group::name).containsExactly("Data Science");
		assertThat(plan.added()).isEqualTo(plan.created());
	}

	@Test
	void planWhenAutoAndNameDiffersInCaseThenAnotherGroup() {
		GroupSync.Plan plan = AUTO.plan(List.of("engineers"), Map.of(), List.of(this.engineers), this.create);
		assertThat(plan.created()).extracting(Group::name).containsExactly("engineers");
		assertThat(plan.removed()).containsExactly(this.engineers);
	}

	@Test
	void planWhenAutoAndNameTooLongThenIgnored() {
		GroupSync.Plan plan = AUTO.plan(List.of("x".repeat(256)), Map.of(), List.of(), this.create);
		assertThat(plan.created()).isEmpty();
		assertThat(plan.added()).isEmpty();
	}

	@Test
	void planWhenMatchingByUniqueIdThenKnownIdsJoinedAndUnknownIgnored() {
		GroupSync.Plan plan = BY_ID.plan(List.of("a-1", "zz-9"), Map.of("a-1", this.admins), List.of(this.sales),
				this.create);
		assertThat(plan.added()).containsExactly(this.admins);
		assertThat(plan.removed()).containsExactly(this.sales);
		assertThat(plan.created()).isEmpty();
	}

	@Test
	void keyWhenMatchingByUniqueIdThenUniqueId() {
		assertThat(this.admins.key(GroupMatching.UNIQUE_ID)).isEqualTo("a-1");
		assertThat(this.admins.key(GroupMatching.NAME)).isEqualTo("Admins");
	}

	@Test
	void constructorWhenAutoWithUniqueIdThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupSync(GroupProvisioning.AUTO, GroupMatching.UNIQUE_ID))
			.withMessageContaining("unique id");
	}

	@Test
	void planWhenClaimedNullThenNamesArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> MANUAL.plan(null, Map.of(), List.of(), this.create))
			.withMessage("claimed cannot be null");
	}

	private static Group group(String name, String uniqueId) {
		return new Group(UUID.randomUUID(), name, uniqueId, NOW);
	}

}
