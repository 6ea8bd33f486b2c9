package dev.lanyard.testing.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service's health endpoint says once it reaches the shared infrastructure. */
public final class ServiceHealth {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private ServiceHealth() {
	}

	/**
	 * Asserts that the service on that loopback port answers its health check UP, with
	 * Kafka and its database each UP.
	 */
	public static void assertUpWithKafkaAndDatabase(int port) {
		HttpResponse<String> response = get(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
		JsonNode health = JsonMapper.builder().build().readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	private static HttpResponse<String> get(URI uri) {
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
