package dev.lanyard.tokenbroker.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential without its audit record: with Kafka gone, the token endpoint refuses and
 * the instance reports itself not ready until its events are acknowledged again.
 */
class AuditOutageIT extends ServiceTestSupport {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

	@Test
	@Order(1)
	void clientCredentialsWhenKafkaStoppedThen503AndNotReadyThenIssuesAndReadyAgainAfterRestart() {
		Infrastructure infrastructure = Infrastructure.shared();
		RegisteredClient client = createClient("content");
		List<String> issued = new ArrayList<>();
		issued.add(token(client.clientId(), client.secret()));

		infrastructure.stopKafka();
		try {
			for (int attempt = 0; attempt < 2; attempt++) {
				long started = System.nanoTime();
				Response refused = clientCredentials(client.clientId(), client.secret());
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(refused.status()).as(refused.body()).isEqualTo(503);
				assertThat(refused.contentType()).startsWith("application/json");
				assertThat(refused.json().get("error").asString()).isEqualTo("temporarily_unavailable");
				assertThat(refused.json().get("error_description").asString()).isNotBlank();
				assertThat(refused.body()).doesNotContain("access_token");
				assertThat(took).isLessThan(ACK_TIMEOUT.plusMillis(1500));
			}
			// traffic should go elsewhere; the process itself is alive
			assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(503);
			assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
		}
		finally {
			infrastructure.startKafka();
		}

		int refusedDuringRecovery = eventuallyIssued(client, issued, Duration.ofSeconds(60));
		assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
		String metrics = get("/actuator/prometheus", null).body();
		assertThat(metrics)
			.contains("lanyard_audit_ack_seconds_count{application=\"token-broker\",outcome=\"unacknowledged\"}")
			.contains("lanyard_audit_ack_seconds_bucket{application=\"token-broker\",outcome=\"acknowledged\"")
			.containsPattern(
					"lanyard_tokens_issued_total\\{application=\"token-broker\",grant=\"client_credentials\",token_type=\"content-session\"\\} [1-9]");

		Set<String> issuedDigests = issued.stream().map(TokenDigest::sha256Hex).collect(Collectors.toSet());
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(infrastructure)) {
			List<TokenIssued> recorded = events.awaitFor(client.clientId(),
					(list) -> list.stream()
						.map(TokenIssued::getTokenSha256)
						.collect(Collectors.toSet())
						.containsAll(issuedDigests),
					Duration.ofSeconds(30));
			// every handed-out token has its event, and no refused token's event arrived
			// later
			assertThat(recorded).extracting(TokenIssued::getTokenSha256)
				.containsExactlyInAnyOrderElementsOf(issuedDigests);
		}
	}

	/**
	 * Asks until a token is issued, adds it to {@code issued}, returns how many were
	 * refused meanwhile.
	 */
	private int eventuallyIssued(RegisteredClient client, List<String> issued, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (int refused = 0;; refused++) {
			Response response = clientCredentials(client.clientId(), client.secret());
			if (response.status() == 200) {
				issued.add(response.json().get("access_token").asString());
				return refused;
			}
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(System.nanoTime()).as("issuance works again after Kafka restarts").isLessThan(deadline);
		}
	}

}
