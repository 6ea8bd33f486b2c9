package dev.lanyard.integrations.integration.application;

import java.util.List;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.FixedResolver;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.integration.domain.TestFederations;
import dev.lanyard.integrations.testing.FakeIssuer;
import dev.lanyard.integrations.templates.domain.IntegrationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Discovery against a real HTTP issuer on 127.0.0.1 (development policy). */
class ResolveIssuerKeysTest {

	private final EndpointPolicy development = new EndpointPolicy(true, FixedResolver.publicNames());

	private final FakeIssuer issuer = new FakeIssuer();

	private final ResolveIssuerKeys resolve = TestFederation.issuerKeys(this.development);

	@AfterEach
	void stop() {
		this.issuer.close();
	}

	@Test
	void jwksUriWhenDocumentNamesTheIssuerExactlyThenItsJwksUri() {
		assertThat(this.resolve.jwksUri(this.issuer.issuer())).hasToString(this.issuer.issuer() + "/jwks");
	}

	@Test
	void resolveWhenNoKeysGivenThenDiscoveredJwksUriSet() {
		FederationTrust trust = trust(this.issuer.issuer());
		FederationTrust resolved = this.resolve
			.resolve(new dev.lanyard.integrations.integration.domain.IntegrationSettings("n", "", "oidc-federation",
					IntegrationKind.OIDC_FEDERATION, null, trust.issuer(), "", List.of(), null, null, List.of(), null,
					trust))
			.federation();
		assertThat(resolved.jwksUri()).isEqualTo(this.issuer.issuer() + "/jwks");
		assertThat(resolved.jwksDiscovered()).isTrue();
	}

	@Test
	void jwksUriWhenIssuerHasTrailingSlashTheDocumentLacksThenMismatch() {
		assertFailure(this.issuer.issuer() + "/", "issuer_mismatch");
		assertThat(this.issuer.documentRequests()).as("one document URL, no doubled slash").isEqualTo(1);
	}

	@Test
	void jwksUriWhenDocumentNamesAnotherIssuerThenMismatch() {
		this.issuer.announcing("https://evil.example.com");
		assertFailure(this.issuer.issuer(), "issuer_mismatch");
	}

	@Test
	void jwksUriWhenDocumentWithoutJwksUriThenRefused() {
		this.issuer.serving("{\"issuer\":\"" + this.issuer.issuer() + "\"}");
		assertFailure(this.issuer.issuer(), "no_jwks_uri");
	}

	@Test
	void jwksUriWhenDocumentNotJsonThenGenericRefusalWithoutTheAnswer() {
		this.issuer.serving("<html>secret-internal-banner</html>");
		assertThatExceptionOfType(DiscoveryFailedException.class)
			.isThrownBy(() -> this.resolve.jwksUri(this.issuer.issuer()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret-internal-banner"));
	}

	@Test
	void jwksUriWhenJwksUriPointsAtMetadataServiceThenRefusedEvenInDevelopment() {
		this.issuer.serving("{\"issuer\":\"" + this.issuer.issuer()
				+ "\",\"jwks_uri\":\"http://169.254.169.254/latest/meta-data\"}");
		assertFailure(this.issuer.issuer(), "endpoint_refused");
	}

	@Test
	void jwksUriWhenUnreachableThenTransientFailure() {
		assertThatExceptionOfType(DiscoveryFailedException.class)
			.isThrownBy(() -> this.resolve.jwksUri("http://127.0.0.1:9"))
			.satisfies((ex) -> {
				assertThat(ex.error()).isEqualTo("unreachable");
				assertThat(ex.transientFailure()).isTrue();
			});
	}

	@Test
	void resolveWhenDiscoveryFailsThenInvalidFieldNamingIssuer() {
		FederationTrust trust = trust(this.issuer.issuer() + "/");
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(
					() -> this.resolve.resolve(new dev.lanyard.integrations.integration.domain.IntegrationSettings("n",
							"", "oidc-federation", IntegrationKind.OIDC_FEDERATION, null, trust.issuer(), "", List.of(),
							null, null, List.of(), null, trust)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("federation.issuer"));
	}

	@Test
	void keyCountWhenJwksHoldsAPrivateKeyThenRefused() {
		this.issuer.servingKeys(TestFederations.privateKeys());
		assertThatExceptionOfType(DiscoveryFailedException.class)
			.isThrownBy(() -> TestFederation.discovery(this.development)
				.keyCount(java.net.URI.create(this.issuer.issuer() + "/jwks")))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo("invalid_jwks"));
	}

	@Test
	void keyCountWhenPublicKeysThenCounted() {
		assertThat(TestFederation.discovery(this.development)
			.keyCount(java.net.URI.create(this.issuer.issuer() + "/jwks"))).isEqualTo(1);
	}

	@Test
	void documentUrlWhenIssuerHasPathOrTrailingSlashThenAppendedOnce() {
		assertThat(ResolveIssuerKeys.documentUrl("https://sso.example.com/realms/acme"))
			.isEqualTo("https://sso.example.com/realms/acme/.well-known/openid-configuration");
		assertThat(ResolveIssuerKeys.documentUrl("https://sso.example.com/"))
			.isEqualTo("https://sso.example.com/.well-known/openid-configuration");
	}

	private FederationTrust trust(String issuerUrl) {
		return FederationTrust.from(IntegrationKind.OIDC_FEDERATION, issuerUrl,
				TestFederations.oidc().staticJwks(null).issuer(issuerUrl).build(), this.development,
				new LibraryFederationSyntax());
	}

	private void assertFailure(String issuerUrl, String error) {
		assertThatExceptionOfType(DiscoveryFailedException.class).isThrownBy(() -> this.resolve.jwksUri(issuerUrl))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(error));
	}

}
