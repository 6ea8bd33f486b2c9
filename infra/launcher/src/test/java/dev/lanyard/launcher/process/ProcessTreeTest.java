package dev.lanyard.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeTest {

	@TempDir
	Path folder;

	@Test
	void terminateWhenProcessHasChildrenThenWholeTreeIsGone() {
		ManagedProcess process = ManagedProcess.start("tree", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"),
				Map.of(), this.folder, this.folder.resolve("tree.log"), 0, false);
		Waits.until("children", Duration.ofSeconds(10), process,
				() -> ProcessHandle.of(process.pid()).orElseThrow().descendants().count() == 2);
		List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();

		ProcessTree.terminate(ProcessHandle.of(process.pid()).orElseThrow(), Duration.ofSeconds(5));

		assertThat(process.alive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void terminateWhenProcessIgnoresSigtermThenKilledAfterGrace() {
		ManagedProcess process = ManagedProcess.start("stubborn",
				List.of("bash", "-c", "trap '' TERM; while true; do sleep 0.1; done"), Map.of(), this.folder,
				this.folder.resolve("stubborn.log"), 0, false);
		Waits.sleep(Duration.ofMillis(300));

		boolean graceful = ProcessTree.terminate(ProcessHandle.of(process.pid()).orElseThrow(), Duration.ofSeconds(1));

		assertThat(graceful).isFalse();
		assertThat(process.alive()).isFalse();
	}

}
