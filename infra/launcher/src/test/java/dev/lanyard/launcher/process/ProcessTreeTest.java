package dev.lanyard.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

	@Test
	void killWhenProcessTrapsSignalsThenGoneWithoutRunningItsTrap() {
		Path trapped = this.folder.resolve("trapped");
		ManagedProcess process = ManagedProcess.start("crash",
				List.of("bash", "-c",
						"trap 'touch " + trapped
								+ "' TERM EXIT; sleep 300 & sleep 300 & while true; do sleep 0.1; done"),
				Map.of(), this.folder, this.folder.resolve("crash.log"), 0, false);
		Waits.until("children", Duration.ofSeconds(10), process,
				() -> ProcessHandle.of(process.pid()).orElseThrow().descendants().count() >= 2);
		List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();

		boolean gone = ProcessTree.kill(ProcessHandle.of(process.pid()).orElseThrow(), Duration.ofSeconds(5));

		assertThat(gone).isTrue();
		assertThat(process.alive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		// SIGKILL cannot be trapped: the shell's TERM/EXIT handler never ran
		assertThat(trapped).doesNotExist();
	}

	@Test
	void killWhenRootNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessTree.kill(null, Duration.ZERO))
			.withMessage("root cannot be null");
	}

	@Test
	void killWhenTimeoutNegativeThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProcessTree.kill(ProcessHandle.current(), Duration.ofSeconds(-1)))
			.withMessage("timeout cannot be negative");
	}

}
