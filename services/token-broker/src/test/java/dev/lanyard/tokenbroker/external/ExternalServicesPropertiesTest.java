package dev.lanyard.tokenbroker.external;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExternalServicesPropertiesTest {

	@Test
	void tokenExchangePropertiesWhenRegistryUrlNotHttpThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("ftp://registry"), Duration.ofSeconds(2), 3))
			.withMessageStartingWith("lanyard.token-broker.integration-registry-url must be");
	}

	@Test
	void tokenExchangePropertiesWhenTimeoutTooLongThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("http://registry"), Duration.ofMinutes(5), 3))
			.withMessageStartingWith("lanyard.token-broker.external-timeout must be");
	}

	@Test
	void tokenExchangePropertiesWhenNoAttemptThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("http://registry"), Duration.ofSeconds(2), 0))
			.withMessageStartingWith("lanyard.token-broker.external-retry-attempts must be");
	}

	private static ExternalServicesProperties exchange(URI registry, Duration timeout, int attempts) {
		return new ExternalServicesProperties(registry, timeout, attempts, Duration.ofMillis(100), 50, 10,
				Duration.ofSeconds(30), 25, Duration.ofSeconds(30), 10000, false);
	}

}
