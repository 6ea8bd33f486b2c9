package dev.lanyard.audit.trail.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

	@Test
	void fromTraceparentWhenW3cHeaderThenItsTraceId() {
		assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void fromTraceparentWhenMalformedOrAllZeroOrMissingThenNull() {
		assertThat(TraceIds.fromTraceparent(null)).isNull();
		assertThat(TraceIds.fromTraceparent("00-not-a-trace-01")).isNull();
		assertThat(TraceIds.fromTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceIds.fromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
		assertThat(TraceIds.fromTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
	}

}
