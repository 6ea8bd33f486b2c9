package dev.lanyard.tokenbroker.delegation.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActorTest {

	@Test
	void toClaimWhenPriorActorThenNested() {
		Actor actor = new Actor("c-2", new Actor("c-1", null));
		assertThat(actor.toClaim()).isEqualTo(Map.of("sub", "c-2", "act", Map.of("sub", "c-1")));
		assertThat(actor.chain()).containsExactly("c-2", "c-1");
	}

	@Test
	void fromClaimWhenNestedThenChainNearestFirst() {
		Actor actor = Actor.fromClaim(Map.of("sub", "c-2", "act", Map.of("sub", "c-1")));
		assertThat(actor.chain()).containsExactly("c-2", "c-1");
	}

	@Test
	void fromClaimWhenAbsentThenNull() {
		assertThat(Actor.fromClaim(null)).isNull();
	}

	@Test
	void fromClaimWhenNoSubThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Actor.fromClaim(Map.of("client_id", "c-1")));
		assertThatIllegalArgumentException().isThrownBy(() -> Actor.fromClaim("c-1"));
	}

	@Test
	void actorWhenSubjectBlankThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Actor(" ", null))
			.withMessage("subject cannot be blank");
	}

	@Test
	void actorWhenChainTooDeepThenRefused() {
		Actor deep = null;
		for (int i = 0; i < 8; i++) {
			deep = new Actor("c-" + i, deep);
		}
		Actor eight = deep;
		assertThatIllegalArgumentException().isThrownBy(() -> new Actor("c-9", eight));
	}

}
