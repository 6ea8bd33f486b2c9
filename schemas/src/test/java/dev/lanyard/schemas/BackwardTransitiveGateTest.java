package dev.lanyard.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackwardTransitiveGateTest {

	private static final Path HISTORY = Path.of("history");

	@Test
	void checkWhenCommittedSchemasThenEveryOneReadsAllItsEarlierVersions() {
		BackwardTransitiveGate gate = new BackwardTransitiveGate(HISTORY);
		for (String name : EventSchemas.NAMES) {
			assertThat(gate.check(name, EventSchemas.parse(name))).as(name).isEmpty();
		}
	}

	@Test
	void checkWhenRequiredFieldAddedWithoutDefaultThenIncompatible() throws IOException {
		Schema breaking = new Schema.Parser().parse(getClass().getResourceAsStream("/incompatible/TokenIssued.avsc"));
		// one problem per committed version, each naming it
		assertThat(new BackwardTransitiveGate(HISTORY).check("TokenIssued", breaking)).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).contains("READER_FIELD_MISSING_DEFAULT"))
			.anySatisfy((problem) -> assertThat(problem).contains("TokenIssued cannot read data written with v1.avsc"));
	}

	@Test
	void checkWhenFieldTypeNarrowedInLaterVersionThenEarlierVersionsStillChecked(@TempDir Path history)
			throws IOException {
		Path dir = Files.createDirectories(history.resolve("Thing"));
		Files.writeString(dir.resolve("v1.avsc"),
				"{\"type\":\"record\",\"name\":\"Thing\",\"fields\":[{\"name\":\"n\",\"type\":\"string\"}]}");
		Files.writeString(dir.resolve("v2.avsc"),
				"{\"type\":\"record\",\"name\":\"Thing\",\"fields\":[{\"name\":\"n\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
		Schema current = new Schema.Parser()
			.parse("{\"type\":\"record\",\"name\":\"Thing\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
		assertThat(new BackwardTransitiveGate(history).check("Thing", current)).hasSize(2);
	}

	@Test
	void checkWhenNoCommittedVersionThenProblemNamesWhereToPutIt(@TempDir Path history) {
		assertThat(new BackwardTransitiveGate(history).check("New", EventSchemas.parse("TokenIssued"))).singleElement()
			.asString()
			.contains("copy the schema there as v1.avsc");
	}

	@Test
	void constructorWhenHistoryRootNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackwardTransitiveGate(null))
			.withMessage("historyRoot cannot be null");
	}

}
