package dev.lanyard.launcher.process;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessRegistryTest {

	@TempDir
	Path folder;

	@Test
	void rememberWhenReadBackThenSameRecord() {
		ProcessRegistry registry = new ProcessRegistry(this.folder);
		ProcessRecord record = ProcessRecord.of("kafka", ProcessHandle.current(), 9092, Path.of("/logs/kafka.log"));
		registry.remember(record);
		assertThat(registry.find("kafka")).contains(record);
		assertThat(registry.all()).containsExactly(record);
	}

	@Test
	void runningWhenProcessIsThisJvmThenListed() {
		ProcessRegistry registry = new ProcessRegistry(this.folder);
		registry.remember(ProcessRecord.of("kafka", ProcessHandle.current(), 9092, null));
		assertThat(registry.running()).extracting(ProcessRecord::component).containsExactly("kafka");
	}

	@Test
	void runningWhenPidWasReusedThenNotListed() {
		ProcessRegistry registry = new ProcessRegistry(this.folder);
		registry.remember(new ProcessRecord("kafka", ProcessHandle.current().pid(), Instant.EPOCH, 9092, null));
		assertThat(registry.running()).isEmpty();
	}

	@Test
	void forgetWhenRememberedThenGone() {
		ProcessRegistry registry = new ProcessRegistry(this.folder);
		registry.remember(ProcessRecord.of("audit", ProcessHandle.current(), 8082, null));
		registry.forget("audit");
		assertThat(registry.find("audit")).isEmpty();
		assertThat(registry.all()).isEmpty();
	}

	@Test
	void allWhenFolderMissingThenEmpty() {
		assertThat(new ProcessRegistry(this.folder.resolve("none")).all()).isEmpty();
	}

	@Test
	void findWhenComponentNameHasPathCharactersThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProcessRegistry(this.folder).find("../x"))
			.withMessageContaining("component");
	}

}
