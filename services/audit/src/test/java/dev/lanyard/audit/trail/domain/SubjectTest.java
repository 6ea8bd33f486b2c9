package dev.lanyard.audit.trail.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectTest {

	@Test
	void labelWhenClientKindsThenNamedForWhatTheyAre() {
		assertThat(new Subject("c-1", "content").label()).isEqualTo("content");
		assertThat(new Subject("u-1", "user").label()).isEqualTo("user");
		assertThat(new Subject("a-1", "administrator").label()).isEqualTo("administrator client");
		assertThat(new Subject("a-2", "auditor").label()).isEqualTo("auditor client");
		assertThat(new Subject("g-1", "gateway").label()).isEqualTo("gateway");
		assertThat(new Subject("s-1", "service").label()).isEqualTo("service");
		assertThat(new Subject("s-2", "scim-client").label()).isEqualTo("SCIM client");
		assertThat(new Subject("repo:acme/app", "federated").label()).isEqualTo("federated identity");
	}

	@Test
	void labelWhenTypeUnknownThenShownAsItIs() {
		assertThat(new Subject("x", "robot").label()).isEqualTo("robot");
	}

}
