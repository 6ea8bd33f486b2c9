package dev.lanyard.platform.kafka;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SendFailuresTest {

	@Test
	void describeWhenNoCauseThenItsTypeOnly() {
		assertThat(SendFailures.describe(new TimeoutException("secret-looking record text")))
			.isEqualTo("TimeoutException");
	}

	@Test
	void describeWhenNestedThenOuterAndRootTypesWithoutMessages() {
		Throwable failure = new ExecutionException("outer",
				new IllegalStateException("middle", new IOException("value=hunter2")));

		assertThat(SendFailures.describe(failure)).isEqualTo("ExecutionException caused by IOException")
			.doesNotContain("hunter2");
	}

	@Test
	void describeWhenCausesFormACycleThenStillAnswers() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);

		assertThat(SendFailures.describe(first)).startsWith("IllegalStateException");
	}

	@Test
	void describeWhenNoFailureThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SendFailures.describe(null));
	}

}
