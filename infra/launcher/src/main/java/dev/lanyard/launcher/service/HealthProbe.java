package dev.lanyard.launcher.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot service's {@code /actuator/health} whether it is UP. */
public final class HealthProbe {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HealthProbe() {
	}

	/** The health status (UP, DOWN, ...), or a short reason why there is none. */
	public static String status(String baseUrl) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body().replace(" ", "");
			if (body.contains("\"status\":\"UP\"")) {
				return "UP";
			}
			int at = body.indexOf("\"status\":\"");
			if (at >= 0) {
				int start = at + "\"status\":\"".length();
				return body.substring(start, Math.max(start, body.indexOf('"', start)));
			}
			return "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			return "no answer";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	public static boolean up(String baseUrl) {
		return "UP".equals(status(baseUrl));
	}

}
