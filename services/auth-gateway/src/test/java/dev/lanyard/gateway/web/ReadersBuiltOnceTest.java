package dev.lanyard.gateway.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.codec.ServerCodecConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadersBuiltOnceTest {

	private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();

	@Test
	void getReadersWhenCalledAgainThenTheSameReadersAsConfigured() {
		ReadersBuiltOnce once = new ReadersBuiltOnce(this.codecs);

		assertThat(once.getReaders()).isSameAs(once.getReaders());
		assertThat(once.getReaders()).extracting(Object::getClass)
			.containsExactlyElementsOf(this.codecs.getReaders().stream().<Class<?>>map(Object::getClass).toList());
	}

	@Test
	void constructorWhenCodecsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReadersBuiltOnce(null))
			.withMessage("codecs cannot be null");
	}

}
