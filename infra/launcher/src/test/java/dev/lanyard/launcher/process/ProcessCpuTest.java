package dev.lanyard.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessCpuTest {

	@TempDir
	Path folder;

	@Test
	void usedWhenAChildBurnsCpuThenItCountsForTheParent() {
		// the parent only waits; its busy child is what uses the CPU
		ManagedProcess process = ManagedProcess.start("busy",
				List.of("bash", "-c", "bash -c 'while true; do :; done' & wait"), Map.of(), this.folder,
				this.folder.resolve("busy.log"), 0, false);
		try {
			ProcessHandle parent = ProcessHandle.of(process.pid()).orElseThrow();
			Waits.until("the child to use 200 ms of CPU", Duration.ofSeconds(20), process,
					() -> ProcessCpu.used(parent).compareTo(Duration.ofMillis(200)) > 0);
			Duration own = parent.info().totalCpuDuration().orElse(Duration.ZERO);

			assertThat(ProcessCpu.used(parent)).isGreaterThan(own.plusMillis(100));
		}
		finally {
			ProcessHandle.of(process.pid()).ifPresent((parent) -> ProcessTree.terminate(parent, Duration.ofSeconds(5)));
		}
	}

	@Test
	void usedWhenNoProcessThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessCpu.used(null));
	}

}
