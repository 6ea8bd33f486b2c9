package dev.lanyard.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandTest {

	@Test
	void parseWhenUpThenUp() {
		assertThat(Command.parse("up").verb()).isEqualTo("up");
	}

	@Test
	void parseWhenLogsWithComponentAndLinesThenBoth() {
		Command command = Command.parse("logs", "kafka", "-n", "25");
		assertThat(command.component()).isEqualTo("kafka");
		assertThat(command.lines()).isEqualTo(25);
	}

	@Test
	void parseWhenLogsAloneThenAllComponents() {
		assertThat(Command.parse("logs").component()).isNull();
	}

	@Test
	void parseWhenHelpFlagThenHelp() {
		assertThat(Command.parse("--help").verb()).isEqualTo("help");
	}

	@Test
	void parseWhenUnknownThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse("restart"))
			.withMessageContaining("restart");
	}

	@Test
	void parseWhenNothingThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(Command::parse);
	}

	@Test
	void parseWhenUpHasArgumentsThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse("up", "now"))
			.withMessageContaining("no arguments");
	}

	@Test
	void parseWhenLinesNotANumberThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse("logs", "-n", "many"))
			.withMessageContaining("-n");
	}

}
