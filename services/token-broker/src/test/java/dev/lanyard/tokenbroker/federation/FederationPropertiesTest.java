package dev.lanyard.tokenbroker.federation;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FederationPropertiesTest {

	private static FederationProperties with(URI provisioning, Duration arrival) {
		return new FederationProperties(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(30), 100,
				provisioning, arrival);
	}

	@Test
	void constructorWhenDefaultsThenAccepted() {
		assertThat(with(URI.create("http://127.0.0.1:8084"), Duration.ofSeconds(5)).userArrivalTimeout())
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void constructorWhenUserProvisioningUrlNotHttpThenRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> with(URI.create("ftp://127.0.0.1:8084"), Duration.ofSeconds(5)))
			.withMessageStartingWith("lanyard.token-broker.federation.user-provisioning-url must be");
	}

	@Test
	void constructorWhenUserArrivalTimeoutTooLongThenRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> with(URI.create("http://127.0.0.1:8084"), Duration.ofMinutes(2)))
			.withMessageStartingWith("lanyard.token-broker.federation.user-arrival-timeout must be");
	}

}
