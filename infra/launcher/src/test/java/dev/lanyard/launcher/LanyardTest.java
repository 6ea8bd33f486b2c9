package dev.lanyard.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LanyardTest {

	@TempDir
	Path state;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void runWhenUnknownCommandThenUsageAndStatus2() {
		assertThat(lanyard(Map.of()).run("restart")).isEqualTo(Lanyard.USAGE);
		assertThat(text(this.err)).contains("Unknown command: restart").contains("Usage: bin/lanyard");
	}

	@Test
	void runWhenHelpThenEverySettingWithItsDefault() {
		assertThat(lanyard(Map.of()).run("help")).isEqualTo(Lanyard.OK);
		assertThat(text(this.out)).contains("LANYARD_KAFKA_BOOTSTRAP_SERVERS")
			.contains("LANYARD_STATE_DIR")
			.contains("15432");
	}

	@Test
	void runWhenDownAndNothingRecordedThenSaysSo() {
		assertThat(lanyard(Map.of("LANYARD_STATE_DIR", this.state.toString())).run("down")).isEqualTo(Lanyard.OK);
		assertThat(text(this.out)).contains("Nothing was running.");
	}

	@Test
	void runWhenLogsOfComponentThenItsTail() throws Exception {
		Files.createDirectories(this.state.resolve("logs"));
		Files.writeString(this.state.resolve("logs/kafka.log"), "one\ntwo\nthree\n");
		assertThat(lanyard(Map.of("LANYARD_STATE_DIR", this.state.toString())).run("logs", "kafka", "-n", "2"))
			.isEqualTo(Lanyard.OK);
		assertThat(text(this.out)).isEqualTo("two\nthree\n");
	}

	@Test
	void runWhenLogsOfUnknownComponentThenFails() {
		assertThat(lanyard(Map.of("LANYARD_STATE_DIR", this.state.toString())).run("logs", "nothing"))
			.isEqualTo(Lanyard.FAILED);
		assertThat(text(this.err)).contains("No log for nothing");
	}

	@Test
	void runWhenSettingInvalidThenFailsNamingIt() {
		assertThat(lanyard(Map.of("LANYARD_KAFKA_PORT", "x")).run("status")).isEqualTo(Lanyard.FAILED);
		assertThat(text(this.err)).contains("LANYARD_KAFKA_PORT");
	}

	private Lanyard lanyard(Map<String, String> environment) {
		return new Lanyard(environment, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

}
