package dev.lanyard.tokenbroker.delegation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelegationPropertiesTest {

	@Test
	void delegationPropertiesWhenAudienceRelativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegationProperties(List.of(URI.create("reports")), Duration.ofMinutes(10)))
			.withMessageStartingWith("lanyard.tokens.delegation.audiences must");
	}

	@Test
	void delegationPropertiesWhenMaxLifetimeTooLongThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DelegationProperties(List.of(), Duration.ofHours(2)))
			.withMessageStartingWith("lanyard.tokens.delegation.max-lifetime must");
	}

	@Test
	void delegationPropertiesWhenAudiencesNullThenDelegationOff() {
		assertThat(new DelegationProperties(null, Duration.ofMinutes(10)).audienceValues()).isEmpty();
	}

	@Test
	void audienceValuesWhenConfiguredThenAsWritten() {
		assertThat(new DelegationProperties(List.of(URI.create("https://api.example/")), Duration.ofMinutes(10))
			.audienceValues()).containsExactly("https://api.example/");
	}

}
