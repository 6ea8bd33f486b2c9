package dev.lanyard.tokenbroker.integrations;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntegrationCachePropertiesTest {

	@Test
	void integrationCachePropertiesWhenSizeZeroThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IntegrationCacheProperties(Duration.ofSeconds(5), 0))
			.withMessageStartingWith("lanyard.token-broker.integration-cache.maximum-size must be");
	}

}
