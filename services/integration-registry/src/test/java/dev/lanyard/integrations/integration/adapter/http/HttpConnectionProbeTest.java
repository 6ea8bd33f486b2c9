package dev.lanyard.integrations.integration.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.lanyard.integrations.integration.application.ProbeOutcome;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.testing.FakeOAuthServer;
import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.VettedResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HttpConnectionProbeTest {

	private static final FakeOAuthServer provider = new FakeOAuthServer("client-1", "secret-1");

	// the fake provider listens on loopback, as in development
	private final HttpConnectionProbe probe = new HttpConnectionProbe(
			new VettedResolver(new AddressPolicy(true), HostResolver.system()), Duration.ofMillis(800));

	@AfterAll
	static void stop() {
		provider.close();
	}

	@Test
	void clientCredentialsWhenAcceptedThenOkWithoutTheToken() {
		ProbeOutcome outcome = this.probe.clientCredentials(URI.create(provider.url("/token")), "client-1",
				new ClientSecret("secret-1"), List.of("read"), null);
		assertThat(outcome.ok()).isTrue();
		assertThat(outcome.httpStatus()).isEqualTo(200);
		assertThat(outcome.tokenType()).isEqualTo("Bearer");
		assertThat(outcome.expiresIn()).isEqualTo(3600);
		assertThat(outcome.scope()).isEqualTo("read");
		assertThat(provider.issuedTokens()).isNotEmpty()
			.allSatisfy((token) -> assertThat(outcome.toString()).doesNotContain(token));
	}

	@Test
	void clientCredentialsWhenWrongSecretThenOAuthErrorReported() {
		ProbeOutcome outcome = this.probe.clientCredentials(URI.create(provider.url("/token")), "client-1",
				new ClientSecret("wrong"), List.of(), "https://api.example.com");
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.httpStatus()).isEqualTo(401);
		assertThat(outcome.error()).isEqualTo("invalid_client");
		assertThat(outcome.errorDescription()).isEqualTo("the endpoint answered with status 401");
	}

	@Test
	void clientCredentialsWhenAnswerIsNotOAuthThenNoUpstreamTextInTheOutcome() {
		ProbeOutcome outcome = this.probe.clientCredentials(URI.create(provider.url("/chatty")), "client-1",
				new ClientSecret("secret-1"), List.of(), null);
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.error()).isEqualTo("unexpected_response");
		assertThat(outcome.errorDescription()).isEqualTo("the endpoint answered with status 400");
		assertThat(outcome.toString()).doesNotContain("redis")
			.doesNotContain("ConnectException")
			.doesNotContain("10.0.0.5");
	}

	@Test
	void clientCredentialsWhenEndpointTooSlowThenTimeoutWithinBound() {
		long started = System.nanoTime();
		ProbeOutcome outcome = this.probe.clientCredentials(URI.create(provider.url("/slow")), "client-1",
				new ClientSecret("secret-1"), List.of(), null);
		assertThat(outcome.error()).isEqualTo("timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void clientCredentialsWhenNothingListensThenUnreachable() {
		ProbeOutcome outcome = this.probe.clientCredentials(URI.create("http://127.0.0.1:1/token"), "client-1",
				new ClientSecret("secret-1"), List.of(), null);
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.error()).isEqualTo("unreachable");
		assertThat(outcome.errorDescription()).isEqualTo("could not connect").doesNotContain("Exception");
	}

	@Test
	void authorizationEndpointWhenAnswersThenOk() {
		assertThat(this.probe.authorizationEndpoint(URI.create(provider.url("/authorize")), "client-1").ok()).isTrue();
	}

	@Test
	void authorizationEndpointWhenServerErrorThenFailed() {
		ProbeOutcome outcome = this.probe.authorizationEndpoint(URI.create(provider.url("/broken")), "client-1");
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.httpStatus()).isEqualTo(500);
	}

	@Test
	void tokenEndpointWhenInvalidCodeRefusedWithOAuthErrorThenOk() {
		ProbeOutcome outcome = this.probe.tokenEndpoint(URI.create(provider.url("/token")), "client-1",
				new ClientSecret("secret-1"));
		assertThat(outcome.ok()).isTrue();
		assertThat(outcome.error()).isEqualTo("invalid_grant");
		assertThat(outcome.errorDescription()).isEqualTo("the endpoint answered with status 400");
	}

	@Test
	void tokenEndpointWhenNotOAuthThenFailed() {
		ProbeOutcome outcome = this.probe.tokenEndpoint(URI.create(provider.url("/authorize")), "client-1",
				new ClientSecret("secret-1"));
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.error()).isEqualTo("unexpected_response");
	}

	@Test
	void constructorWhenTimeoutNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpConnectionProbe(
					new VettedResolver(new AddressPolicy(false), HostResolver.system()), null))
			.withMessage("timeout must be positive");
	}

	@Test
	void constructorWhenAddressesNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpConnectionProbe(null, Duration.ofSeconds(1)))
			.withMessage("addresses cannot be null");
	}

}
