package dev.lanyard.platform.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointRuleTest {

	private final EndpointRule production = new EndpointRule(new AddressPolicy(false));

	private final EndpointRule development = new EndpointRule(new AddressPolicy(true));

	@Test
	void refusalWhenPublicHttpsThenNone() {
		assertThat(this.production.refusal("https://login.example.com/oauth2/token")).isEmpty();
	}

	@Test
	void refusalWhenPlainHttpToPublicHostThenMustUseHttps() {
		assertThat(this.production.refusal("http://attacker.example/token")).contains("must use https");
		assertThat(this.development.refusal("http://attacker.example/token")).contains("must use https");
	}

	@Test
	void refusalWhenHttpToLoopbackThenOnlyWhenPrivateAllowed() {
		assertThat(this.development.refusal("http://127.0.0.1:8090/default/token")).isEmpty();
		assertThat(this.development.refusal("http://localhost:8090/token")).isEmpty();
		assertThat(this.production.refusal("http://127.0.0.1:8090/default/token")).contains("must use https");
	}

	@Test
	void refusalWhenUserInformationThenRefused() {
		assertThat(this.development.refusal("http://forger@127.0.0.1:8090/token"))
			.contains("must not carry user information");
	}

	@Test
	void refusalWhenFragmentThenRefused() {
		assertThat(this.production.refusal("https://login.example.com/token#x")).contains("must not have a fragment");
	}

	@Test
	void refusalWhenRelativeOrBlankOrTooLongThenRefused() {
		assertThat(this.production.refusal("/token")).contains("must be an absolute https URL with a host");
		assertThat(this.production.refusal(" ")).contains("is required");
		assertThat(this.production.refusal("https://a.example/" + "x".repeat(2000)))
			.contains("must be at most 2000 characters");
		assertThat(this.production.refusal("https://a b")).contains("is not a valid URL");
	}

	@Test
	void refusalWhenAddressLiteralRefusedByPolicyThenRefusedWithoutLookup() {
		assertThat(this.development.refusal("https://169.254.169.254/latest/meta-data")).hasValueSatisfying(
				(reason) -> assertThat(reason).startsWith("host 169.254.169.254 is a private, loopback"));
		assertThat(this.production.refusal("https://10.0.0.7/token")).isPresent();
		assertThat(this.production.refusal("https://[::1]/token")).isPresent();
		assertThat(this.development.refusal("https://10.0.0.7/token")).isEmpty();
	}

	@Test
	void refusalWhenMetadataServiceNameThenRefused() {
		assertThat(this.development.refusal("https://metadata.google.internal/computeMetadata/v1/")).isPresent();
	}

	@Test
	void constructorWhenPolicyNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EndpointRule(null))
			.withMessage("policy cannot be null");
	}

}
