package dev.lanyard.gateway.signin.adapter.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignInPropertiesTest {

	private static final SignInProperties.Claims CLAIMS = new SignInProperties.Claims("sub", "preferred_username",
			"email", "given_name", "family_name", "groups", "");

	private static SignInProperties.Provider provider(String issuer, String secret) {
		return new SignInProperties.Provider(URI.create(issuer), "lanyard", secret, null, List.of(), CLAIMS, "", false,
				List.of(), List.of(), true, SignInProperties.ClaimsSource.ID_TOKEN, false, false);
	}

	private static SignInProperties settings(boolean allowInsecure, SignInProperties.Provider provider) {
		return new SignInProperties(Map.of("corp", provider), URI.create("http://127.0.0.1:8080"), allowInsecure,
				Duration.ofSeconds(10), "/api/me");
	}

	@Test
	void constructorWhenHttpsIssuerThenAccepted() {
		assertThat(settings(false, provider("https://idp.example.com", "s")).providers()).containsKey("corp");
	}

	@Test
	void constructorWhenHttpIssuerWithoutDevelopmentSettingThenRejectedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(false, provider("http://127.0.0.1:8090/default", "s")))
			.withMessageStartingWith("lanyard.gateway.sign-in.providers.corp.issuer must be an https URL");
	}

	@Test
	void constructorWhenHttpLoopbackIssuerAndDevelopmentSettingThenAccepted() {
		assertThat(settings(true, provider("http://127.0.0.1:8090/default", "s")).providers()).hasSize(1);
	}

	@Test
	void constructorWhenHttpNonLoopbackIssuerEvenWithDevelopmentSettingThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, provider("http://10.1.2.3/default", "s")))
			.withMessageContaining("https");
	}

	@Test
	void constructorWhenNoSecretThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(false, provider("https://idp", null)))
			.withMessage(
					"lanyard.gateway.sign-in.providers.corp.set exactly one of client-secret and client-secret-file");
	}

	@Test
	void constructorWhenProviderNameHasCapitalsThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInProperties(Map.of("Corp", provider("https://idp", "s")),
					URI.create("http://127.0.0.1:8080"), false, Duration.ofSeconds(10), "/api/me"))
			.withMessageContaining("providers.Corp");
	}

	@Test
	void constructorWhenOutcomeTimeoutZeroThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInProperties(Map.of(), URI.create("http://127.0.0.1:8080"), false, Duration.ZERO,
					"/api/me"))
			.withMessageStartingWith("lanyard.gateway.sign-in.outcome-timeout");
	}

	@Test
	void constructorWhenLandingPathIsAnotherSiteThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInProperties(Map.of(), URI.create("http://127.0.0.1:8080"), false,
					Duration.ofSeconds(1), "//evil.example"))
			.withMessageStartingWith("lanyard.gateway.sign-in.landing-path");
	}

}
