package dev.lanyard.tokenbroker;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenPropertiesTest {

	@Test
	void tokenPropertiesWhenIssuerHasQueryThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new TokenProperties(URI.create("http://gw/?a=b"), SigningAlgorithm.ES256, Duration.ofMinutes(15)))
			.withMessageStartingWith("lanyard.token-broker.issuer must be");
	}

	@Test
	void tokenPropertiesWhenIssuerRelativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("/gw"), SigningAlgorithm.ES256, Duration.ofMinutes(15)))
			.withMessageStartingWith("lanyard.token-broker.issuer must be");
	}

	@Test
	void tokenPropertiesWhenTimeToLiveZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("http://gw"), SigningAlgorithm.ES256, Duration.ZERO))
			.withMessageStartingWith("lanyard.token-broker.content-session-token-time-to-live must be");
	}

	@Test
	void tokenPropertiesWhenAlgorithmNullThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("http://gw"), null, Duration.ofMinutes(1)))
			.withMessageStartingWith("lanyard.token-broker.signing-algorithm must be");
	}

	@Test
	void issuerUrlWhenTrailingSlashThenStripped() {
		assertThat(new TokenProperties(URI.create("http://127.0.0.1:8080/"), SigningAlgorithm.ES256,
				Duration.ofMinutes(15))
			.issuerUrl()).isEqualTo("http://127.0.0.1:8080");
	}

}
