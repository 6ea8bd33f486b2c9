package dev.lanyard.tokenbroker.issuance.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProvenanceTest {

	@Test
	void federatedWhenIssuerAndSubjectThenOnlyThoseSet() {
		Provenance provenance = Provenance.federated("https://idp.example", "alice");

		assertThat(provenance.federatedIssuer()).isEqualTo("https://idp.example");
		assertThat(provenance.federatedSubject()).isEqualTo("alice");
		assertThat(provenance.onBehalfOfUserId()).isNull();
		assertThat(provenance.actorChain()).isEmpty();
	}

	@Test
	void constructorWhenIssuerWithoutSubjectThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Provenance("https://idp.example", null, null, List.of()))
			.withMessage("federatedIssuer and federatedSubject come together");
	}

	@Test
	void delegatedWhenChainEmptyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Provenance.delegated(List.of()))
			.withMessage("actorChain cannot be empty");
	}

	@Test
	void onBehalfOfWhenBlankUserThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Provenance.onBehalfOf(" "));
	}

	@Test
	void withProvenanceWhenSetThenCarriedAndRestUnchanged() {
		TokenIssuance plain = new TokenIssuance(java.util.UUID.randomUUID(), java.time.Instant.EPOCH, "corr", "jti",
				"a".repeat(64), TokenIssuance.EXTERNAL_ACCESS, "content-1", "content", "content-1", List.of(),
				List.of(), "urn:ietf:params:oauth:grant-type:token-exchange", java.time.Instant.EPOCH,
				java.time.Instant.EPOCH.plusSeconds(60), "content-1", "integration-1");

		TokenIssuance mapped = plain.withProvenance(Provenance.onBehalfOf("user-1"));

		assertThat(plain.provenance()).isEqualTo(Provenance.NONE);
		assertThat(mapped.provenance().onBehalfOfUserId()).isEqualTo("user-1");
		assertThat(mapped.withProvenance(Provenance.NONE)).isEqualTo(plain);
	}

}
