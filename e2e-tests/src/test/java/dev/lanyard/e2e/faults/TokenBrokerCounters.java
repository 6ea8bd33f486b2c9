package dev.lanyard.e2e.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Credentials each token-broker instance issued so far, from its own
 * {@code lanyard_tokens_issued_total} (Prometheus, on its port): which instances the
 * gateway spreads the load over. A restarted instance counts from zero.
 */
final class TokenBrokerCounters {

	private static final String ISSUED = "lanyard_tokens_issued_total";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> urls;

	TokenBrokerCounters(List<String> urls) {
		this.urls = List.copyOf(urls);
	}

	/** Issued by instance {@code index} (0: token-broker, 1: token-broker-2, ...). */
	long issued(int index) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.urls.get(index) + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"No metrics at " + this.urls.get(index) + ": HTTP " + response.statusCode());
		}
		return response.body()
			.lines()
			.filter((line) -> line.startsWith(ISSUED + "{") || line.startsWith(ISSUED + " "))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
