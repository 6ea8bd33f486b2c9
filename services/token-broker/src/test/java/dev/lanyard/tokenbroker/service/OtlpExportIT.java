package dev.lanyard.tokenbroker.service;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.service.OtlpReceiver.ReceivedSpan;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces leave over OTLP/HTTP once the endpoint is set, as the platform's README tells an
 * operator to: a token request that arrives with a sampled {@code traceparent} reaches a
 * real receiver as the server span of that trace and the Kafka send of its TokenIssued,
 * and no span carries a secret or a token.
 */
class OtlpExportIT extends ServiceTestSupport {

	private static final OtlpReceiver RECEIVER = OtlpReceiver.start();

	/**
	 * Spring Boot 4's name; its 3.x name {@code management.otlp.tracing.endpoint} is no
	 * longer bound (deprecated at level error) and exports nothing.
	 */
	@DynamicPropertySource
	static void otlp(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", RECEIVER::tracesUrl);
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void clientCredentialsWhenTraceparentSampledThenItsServerAndKafkaSpansAreExported() throws InterruptedException {
		RegisteredClient client = createClient("content");
		String traceId = TraceContextIT.hex(16);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(client.clientId(), client.secret()))
			.header("traceparent", "00-" + traceId + "-" + TraceContextIT.hex(8) + "-01")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials"))));

		Response issued = send(request, null);

		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		List<ReceivedSpan> trace = RECEIVER.awaitTrace(traceId,
				(spans) -> hasKind(spans, OtlpReceiver.SERVER) && hasKind(spans, OtlpReceiver.PRODUCER),
				Duration.ofSeconds(30));
		assertThat(trace).as("spans of trace %s", traceId)
			.anySatisfy((span) -> assertThat(span.kind()).isEqualTo(OtlpReceiver.SERVER))
			.anySatisfy((span) -> {
				assertThat(span.kind()).isEqualTo(OtlpReceiver.PRODUCER);
				assertThat(span.name()).contains("token-issued");
			});
	}

	@Test
	void exportWhenSpansSentThenNoSecretOrTokenInThem() throws InterruptedException {
		RegisteredClient client = createClient("content");
		String token = token(client.clientId(), client.secret());
		assertThat(token).isNotBlank();
		// the exporter sends in batches: give it time to send what these requests made
		Thread.sleep(Duration.ofSeconds(7));
		List<byte[]> payloads = RECEIVER.payloads();
		assertThat(payloads).as("OTLP requests received").isNotEmpty();
		assertThat(SENSITIVE).contains(client.secret(), token);
		for (byte[] payload : payloads) {
			String raw = new String(payload, StandardCharsets.ISO_8859_1);
			assertThat(SENSITIVE).allSatisfy((secret) -> assertThat(raw).doesNotContain(secret));
			assertThat(OtlpReceiver.decode(payload)).allSatisfy((span) -> assertThat(span.attributes().values())
				.noneMatch((value) -> value.startsWith("Basic ") || value.startsWith("Bearer ")));
		}
	}

	private static boolean hasKind(List<ReceivedSpan> spans, int kind) {
		return spans.stream().anyMatch((span) -> span.kind() == kind);
	}

}
