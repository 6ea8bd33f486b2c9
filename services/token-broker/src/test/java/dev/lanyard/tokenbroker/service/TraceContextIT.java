package dev.lanyard.tokenbroker.service;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request's trace goes on through Kafka: the TokenIssued record of a token request
 * carries the request's trace id in its W3C {@code traceparent} header, where audit reads
 * it.
 */
class TraceContextIT extends ServiceTestSupport {

	@Test
	void clientCredentialsWhenRequestHasTraceparentThenTokenIssuedRecordCarriesItsTraceId() {
		RegisteredClient client = createClient("content");
		String traceId = hex(16);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(client.clientId(), client.secret()))
			.header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials"))));

		Response issued = send(request, null);

		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			events.awaitFor(client.clientId(), (list) -> !list.isEmpty(), Duration.ofSeconds(30));
			ConsumerRecord<String, TokenIssued> record = events.seen()
				.stream()
				.filter((seen) -> client.clientId().equals(seen.value().getSubjectId()))
				.findFirst()
				.orElseThrow();
			Header traceparent = record.headers().lastHeader("traceparent");
			assertThat(traceparent).as("traceparent header").isNotNull();
			assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII)).startsWith("00-" + traceId + "-");
		}
	}

	static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		random[0] |= 1;
		return HexFormat.of().formatHex(random);
	}

}
