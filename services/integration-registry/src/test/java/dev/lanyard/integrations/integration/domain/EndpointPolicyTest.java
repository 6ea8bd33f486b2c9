package dev.lanyard.integrations.integration.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointPolicyTest {

	private final FixedResolver resolver = FixedResolver.publicNames()
		.with("internal.corp", "10.1.2.3")
		.with("metadata.cloud", "169.254.169.254")
		.with("sneaky.example.com", "93.184.216.34", "192.168.1.10")
		.with("localhost", "127.0.0.1");

	private final EndpointPolicy production = new EndpointPolicy(false, this.resolver);

	private final EndpointPolicy development = new EndpointPolicy(true, this.resolver);

	@Test
	void constructorWhenResolverNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EndpointPolicy(false, null))
			.withMessage("resolver cannot be null");
	}

	@Test
	void checkWhenHttpsToPublicHostThenAccepted() {
		assertThat(this.production.check("tokenEndpoint", "https://idp.example.com/oauth2/token"))
			.hasToString("https://idp.example.com/oauth2/token");
	}

	@Test
	void checkWhenHttpThenRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("tokenEndpoint", "http://idp.example.com/token"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("tokenEndpoint"))
			.withMessage("tokenEndpoint: must use https");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/token", "https://10.0.0.8/token", "https://172.16.4.4/token",
			"https://192.168.0.1/token", "https://169.254.169.254/latest", "https://[::1]/token",
			"https://[fd00::1]/token", "https://[fe80::1]/token", "https://[::ffff:10.0.0.1]/token",
			"https://100.64.0.1/token", "https://0.0.0.0/token", "https://localhost/token",
			"https://internal.corp/token", "https://metadata.cloud/token" })
	void checkWhenPrivateLoopbackOrLinkLocalThenRefused(String url) {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("tokenEndpoint", url))
			.withMessageContaining("which is not allowed");
	}

	@Test
	void checkWhenAnyResolvedAddressIsPrivateThenRefused() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("authorizationEndpoint", "https://sneaky.example.com/authorize"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("authorizationEndpoint"));
	}

	@Test
	void checkWhenHostCannotBeResolvedThenRefused() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("tokenEndpoint", "https://nowhere.invalid/token"))
			.withMessage("tokenEndpoint: host nowhere.invalid cannot be resolved");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:pw@idp.example.com/token", "https://idp.example.com/token#frag",
			"idp.example.com/token", "https:///token", "not a url", "ftp://idp.example.com/token" })
	void checkWhenMalformedThenRefused(String url) {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("tokenEndpoint", url))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("tokenEndpoint"));
	}

	@Test
	void checkWhenBlankThenRequired() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.production.check("tokenEndpoint", " "))
			.withMessage("tokenEndpoint: is required");
	}

	@Test
	void checkWhenDevelopmentSettingThenPrivateAndLoopbackHttpAccepted() {
		assertThat(this.development.allowsPrivate()).isTrue();
		assertThat(this.development.check("tokenEndpoint", "https://10.0.0.8/token"))
			.hasToString("https://10.0.0.8/token");
		assertThat(this.development.check("tokenEndpoint", "http://127.0.0.1:8090/token"))
			.hasToString("http://127.0.0.1:8090/token");
		assertThat(this.development.check("tokenEndpoint", "http://localhost:8090/token"))
			.hasToString("http://localhost:8090/token");
	}

	@Test
	void checkWhenDevelopmentSettingAndHostUnresolvableThenAcceptedForTheCallToVet() {
		assertThat(this.development.check("tokenEndpoint", "https://nowhere.invalid/token"))
			.hasToString("https://nowhere.invalid/token");
	}

	@Test
	void checkWhenDevelopmentSettingAndHttpToNonLoopbackThenStillRefused() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.development.check("tokenEndpoint", "http://10.0.0.8/token"))
			.withMessage("tokenEndpoint: must use https");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://169.254.169.254/latest", "https://[fd00:ec2::254]/token",
			"https://100.100.100.200/token", "https://metadata.google.internal/token", "https://metadata.cloud/token",
			"https://0.0.0.0/token", "https://198.18.0.1/token", "https://[64:ff9b::7f00:1]/token",
			"https://[2002:7f00:1::]/token", "https://[::7f00:1]/token" })
	void checkWhenMetadataOrReservedAndDevelopmentSettingThenStillRefused(String url) {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> this.development.check("tokenEndpoint", url))
			.withMessageContaining("which is not allowed");
	}

}
