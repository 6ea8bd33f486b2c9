package dev.lanyard.launcher.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

	private static final long GIB = 1024L * 1024 * 1024;

	@Test
	void sharedBuffersWhenMachineHasMemoryThenAnEighthOfIt() {
		assertThat(EmbeddedPostgresServer.sharedBuffers(24 * GIB)).isEqualTo("3072MB");
		assertThat(EmbeddedPostgresServer.sharedBuffers(8 * GIB)).isEqualTo("1024MB");
	}

	@Test
	void sharedBuffersWhenMachineIsSmallOrLargeThenBetween128MbAnd4Gb() {
		assertThat(EmbeddedPostgresServer.sharedBuffers(512L * 1024 * 1024)).isEqualTo("128MB");
		assertThat(EmbeddedPostgresServer.sharedBuffers(256 * GIB)).isEqualTo("4096MB");
	}

}
