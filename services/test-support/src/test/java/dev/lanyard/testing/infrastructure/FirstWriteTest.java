package dev.lanyard.testing.infrastructure;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.lanyard.testing.infrastructure.FirstWrite.HttpAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FirstWriteTest {

	@Test
	void awaitWhenRefusedWith503ThenAcceptedThenReturns() throws InterruptedException {
		Deque<Answer> answers = new ArrayDeque<>(List.of(new Answer(503, "busy"), new Answer(201, "{}")));

		FirstWrite.await("accepts", Duration.ofSeconds(5), 201, answers::pop);

		assertThat(answers).isEmpty();
	}

	@Test
	void awaitWhenAnsweredOtherThan503ThenFailsWithTheBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> FirstWrite.await("accepts", Duration.ofSeconds(5), 201, () -> new Answer(400, "bad")))
			.withMessageContaining("bad");
	}

	@Test
	void awaitWhenStill503PastTheDeadlineThenFailsNamingWhat() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> FirstWrite.await("accepts changes", Duration.ZERO, 201, () -> new Answer(503, "busy")))
			.withMessageContaining("the service accepts changes within 0 s");
	}

	private record Answer(int status, String body) implements HttpAnswer {
	}

}
