package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;
import dev.lanyard.tokenbroker.federation.InMemoryFederationTrusts;
import dev.lanyard.tokenbroker.federation.TestFederation;
import dev.lanyard.tokenbroker.federation.application.TokenVerification;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An issuer's keys are fetched only from addresses the shared outbound policy allows:
 * loopback only when private endpoints are allowed (development).
 */
class OutboundResourceRetrieverTest {

	private HttpServer server;

	private int hits;

	@BeforeEach
	void jwks() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/jwks", (exchange) -> {
			this.hits++;
			byte[] body = TestFederation.publishedJwks().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private URI jwksUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks");
	}

	private static OutboundResourceRetriever retriever(boolean allowPrivate) {
		return new OutboundResourceRetriever(OutboundHttp
			.create(new VettedResolver(new AddressPolicy(allowPrivate), HostResolver.system()), Duration.ofSeconds(2)));
	}

	@Test
	void retrieveResourceWhenLoopbackAndPrivateEndpointsOffThenRefusedBeforeConnecting() {
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> retriever(false).retrieveResource(jwksUri().toURL()));
		assertThat(this.hits).isZero();
	}

	@Test
	void retrieveResourceWhenLoopbackAndPrivateEndpointsOnThenTheKeySet() throws Exception {
		assertThat(retriever(true).retrieveResource(jwksUri().toURL()).getContent()).contains("\"kid\":\"k1\"");
	}

	@Test
	void verifyWhenJwksOnARefusedAddressThenKeysUnavailable() {
		InMemoryFederationTrusts trusts = new InMemoryFederationTrusts()
			.with(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
				r.jwksUri = jwksUri();
				return r;
			}));
		NimbusFederatedTokenVerifier verifier = new NimbusFederatedTokenVerifier(trusts,
				new IssuerKeys(retriever(false), Duration.ofMinutes(5), Duration.ofSeconds(30)),
				Clock.fixed(TestFederation.NOW, ZoneOffset.UTC));
		assertThat(verifier.verify(TestFederation.token((t) -> t), null)).isInstanceOfSatisfying(
				TokenVerification.Refused.class,
				(refused) -> assertThat(refused.check()).isEqualTo(FederationCheck.KEYS_UNAVAILABLE));
		assertThat(this.hits).isZero();
	}

	@Test
	void verifyWhenJwksFetchedThenCachedAcrossTokens() {
		InMemoryFederationTrusts trusts = new InMemoryFederationTrusts()
			.with(TestFederation.rule("fed-1", FederationKind.OIDC, (r) -> {
				r.jwksUri = jwksUri();
				return r;
			}));
		NimbusFederatedTokenVerifier verifier = new NimbusFederatedTokenVerifier(trusts,
				new IssuerKeys(retriever(true), Duration.ofMinutes(5), Duration.ofSeconds(30)),
				Clock.fixed(TestFederation.NOW, ZoneOffset.UTC));
		for (int i = 0; i < 3; i++) {
			assertThat(verifier.verify(TestFederation.token((t) -> t), null))
				.isInstanceOf(TokenVerification.Verified.class);
		}
		assertThat(verifier.verify(TestFederation.token((t) -> {
			t.kid = "unknown";
			return t;
		}), null)).isInstanceOfSatisfying(TokenVerification.Refused.class,
				(refused) -> assertThat(refused.check()).isEqualTo(FederationCheck.UNKNOWN_KEY));
		assertThat(this.hits).as("one fetch, one re-fetch for the unknown kid").isEqualTo(2);
	}

}
